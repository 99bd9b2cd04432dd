-- market explorer, source data: the months the loaded sales files report (every file,
-- before overlap resolution), to offer the period of the source grid.
select distinct year::integer as year, month::integer as month
from source_rows
order by year, month
