-- customer purchases inside a strategy filter, as sales rows: the `sales_rows`
-- relation that the sales marts read. One purchase = one vehicle (units 1);
-- amount_krw: the purchase amount in KRW; brand: the customer file's brand (whose
-- reporting months the momentum windows follow).
-- params: $brand ('all' = both), $from_ym, $to_ym (year*100+month, inclusive),
-- $vehicle_types (body types), $powertrains (empty list = any).
select
    market,
    brand,
    model,
    body_type as vehicle_type,
    powertrain,
    year(purchase_date)::integer as year,
    month(purchase_date)::integer as month,
    1::bigint as units,
    amount_krw::bigint as amount_krw
from customers
where ($brand = 'all' or brand = $brand)
    and model is not null
    and market is not null
    and purchase_date is not null
    and year(purchase_date)::integer * 100 + month(purchase_date) between $from_ym and $to_ym
    and (len($vehicle_types::varchar[]) = 0 or list_contains($vehicle_types::varchar[], body_type))
    and (len($powertrains::varchar[]) = 0 or list_contains($powertrains::varchar[], powertrain))
