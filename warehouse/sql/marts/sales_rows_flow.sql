-- the fact_sales rows of one IR flow inside a strategy filter: the `sales_rows`
-- relation that the sales marts (sales_choices, sales_totals, sales_trend) read.
-- units: vehicles; amount_krw: null (IR flows publish no amounts); brand: the
-- reporting brand (whose months the momentum windows follow).
-- params: $flow, $brand ('all' = both), $from_ym, $to_ym (year*100+month, inclusive),
-- $vehicle_types, $powertrains (empty list = any).
select
    market,
    brand,
    model,
    vehicle_type,
    powertrain,
    year::integer as year,
    month::integer as month,
    units,
    null::bigint as amount_krw
from fact_sales
where flow = $flow
    and ($brand = 'all' or brand = $brand)
    and model is not null
    and market is not null
    and year::integer * 100 + month between $from_ym and $to_ym
    and (len($vehicle_types::varchar[]) = 0 or list_contains($vehicle_types::varchar[], vehicle_type))
    and (len($powertrains::varchar[]) = 0 or list_contains($powertrains::varchar[], powertrain))
