-- Is this user id already registered for the brand? Parameters: brand, user_id.
select 1 from prospects where brand = ? and user_id = ?
