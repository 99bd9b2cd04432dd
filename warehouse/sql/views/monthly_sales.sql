-- monthly units (vehicles) by brand, flow, model and market. months that a
-- source has not reported yet are absent, never zero.
create or replace view monthly_sales as
select
    brand, flow, model, category, market, region, year, month,
    make_date(year, month, 1) as month_start,
    sum(units)::bigint as units
from fact_sales
group by all
order by brand, flow, model, category, market, year, month;
