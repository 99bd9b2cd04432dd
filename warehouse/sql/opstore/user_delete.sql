-- Remove a user. Parameter: user_name.
delete from users where user_name = ?
