-- our units (vehicles) per model in one market over the competitor figures' period;
-- reads `sales_rows` (marts/sales_rows_*.sql), whose period is that of the competitor
-- year's months (analytics.competitors.load_our_units). params: $market.
select model, sum(units)::bigint as units
from sales_rows
where market = $market
group by model
