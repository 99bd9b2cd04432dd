-- Every user, without secrets, by name.
select user_name, display_name, role, brand, market, created_at
from users
order by user_name
