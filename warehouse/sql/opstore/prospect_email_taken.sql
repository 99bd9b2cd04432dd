-- Is this e-mail already registered for the brand (letter case ignored)? Parameters: brand, email.
select 1 from prospects where brand = ? and lower(email) = lower(?)
