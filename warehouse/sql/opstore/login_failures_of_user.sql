-- Refused attempts for a name since its last successful sign-in and since a time:
-- the count and the newest (Unix s). Parameters: user_name, since (Unix s), user_name.
select count(*), max(attempted_at)
from login_attempts
where user_name = ?
    and ok = 0
    and attempted_at >= ?
    and attempted_at > coalesce(
        (select max(attempted_at) from login_attempts where user_name = ? and ok = 1), 0
    )
