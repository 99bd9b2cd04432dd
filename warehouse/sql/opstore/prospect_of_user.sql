-- A prospect registered in the app, by brand and user id. Parameters: brand, user_id.
select prospect_id, brand, name, email, market from prospects where brand = ? and user_id = ?
