-- customer purchases as sales: one purchase = one vehicle; amount in KRW.
-- params: $brand ('all' = both), $from_ym, $to_ym (year*100+month).
select
    brand, market, model, body_type as vehicle_type, powertrain,
    year(purchase_date)::smallint as year, month(purchase_date)::tinyint as month,
    count(*)::bigint as units,
    sum(amount_krw)::bigint as amount_krw
from customers
where ($brand = 'all' or brand = $brand)
    and model is not null
    and market is not null
    and purchase_date is not null
    and year(purchase_date)::integer * 100 + month(purchase_date) between $from_ym and $to_ym
group by all
