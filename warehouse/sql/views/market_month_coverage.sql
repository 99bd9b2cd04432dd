-- which months each brand x flow has data for, and from which file.
create or replace view market_month_coverage as
select brand, flow, year, month, any_value(source_file) as source_file, sum(units)::bigint as units,
       count(*) as rows
from fact_sales
group by brand, flow, year, month
order by brand, flow, year, month;
