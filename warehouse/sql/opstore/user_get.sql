-- One user with their secret columns (sign-in only). Parameter: user_name.
select user_name, display_name, role, brand, market, password_hash, session_epoch, created_at
from users
where user_name = ?
