-- every parsed fact row of every loaded file, before overlap resolution.
-- units: vehicles. one row per file line x month (x market for wide-market files).
create table source_rows as
select * from source_frame;
