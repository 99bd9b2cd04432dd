-- A new user. Parameters: user_name, display_name, role, brand, market, password_hash,
-- session_epoch.
insert into users (user_name, display_name, role, brand, market, password_hash, session_epoch)
values (?, ?, ?, ?, ?, ?, ?)
