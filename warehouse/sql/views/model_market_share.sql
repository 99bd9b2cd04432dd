-- share of each model in a market vs its share across all markets, per brand,
-- flow and year. shares are fractions (0-1); deviation_pp is percentage points.
create or replace view model_market_share as
with by_market as (
    select brand, flow, year, market, model, sum(units)::bigint as units
    from fact_sales
    where model is not null and market is not null
    group by all
),

final as (
    select
        brand, flow, year, market, model, units,
        units / nullif(sum(units) over (partition by brand, flow, year, market), 0)
            as share_in_market,
        sum(units) over (partition by brand, flow, year, model)
            / nullif(sum(units) over (partition by brand, flow, year), 0) as share_global
    from by_market
)

select
    *,
    round(100 * (share_in_market - share_global), 1) as deviation_pp
from final
order by brand, flow, year, market, units desc;
