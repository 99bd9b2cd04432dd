-- Refused attempts from one address since a time: the count and the oldest (Unix s).
-- Parameters: remote_addr, since (Unix s).
select count(*), min(attempted_at)
from login_attempts
where remote_addr = ? and ok = 0 and attempted_at >= ?
