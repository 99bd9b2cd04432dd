-- A new password hash; a new session epoch signs out every open session of the user.
-- Parameters: password_hash, session_epoch, user_name.
update users set password_hash = ?, session_epoch = ? where user_name = ?
