-- monthly units (vehicles) per market and model for one IR flow.
-- params: $flow, $brand ('all' = both), $from_ym, $to_ym (year*100+month).
select
    brand, market, model, vehicle_type, powertrain, year, month,
    sum(units)::bigint as units,
    null::bigint as amount_krw
from fact_sales
where flow = $flow
    and ($brand = 'all' or brand = $brand)
    and model is not null
    and market is not null
    and year::integer * 100 + month between $from_ym and $to_ym
group by all
