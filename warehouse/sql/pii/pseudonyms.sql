-- pseudonymous ids for the ids in view `ids` (column id): a keyed hash, never the id.
-- params: $prefix ('C-' customers, 'P-' prospects), $key (hex secret, app.security.keys).
-- 16 hex digits = 64 bits: no collision in practice even for millions of ids.
select id, $prefix || left(sha256($key || ':' || id), 16) as pseudonym
from ids
