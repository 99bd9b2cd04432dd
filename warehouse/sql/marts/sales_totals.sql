-- units (vehicles) and amounts (KRW) per market and model over a strategy filter,
-- with the units of each momentum window (analytics.sales.Windows): the aggregate
-- every strategy view starts from. Reads `sales_rows` (marts/sales_rows_*.sql).
-- Each brand reports on its own calendar, so the windows are per market and brand: a
-- row counts in the windows of its own brand, which end at that brand's last month
-- with data in the market (a month the brand has not reported is never a zero).
-- params: one list entry per (market, brand, window month): $window_markets,
-- $window_brands, $window_months (month index year*12 + month-1), $in_last3,
-- $in_prev3, $in_yoy_last3; one entry per (market, brand): $brand_markets,
-- $brand_brands, $brand_end (month index of its last month with data),
-- $brand_has_prev3, $brand_has_yoy (whether that window exists for the brand).
-- amount_krw is null where the rows have no amounts (every IR flow); a window sum is
-- 0 where the model has no row in the window's months, and null (prev3, yoy_last3)
-- when the window does not exist for every brand the model has rows of.
with windows as (
    select
        unnest($window_markets::varchar[]) as market,
        unnest($window_brands::varchar[]) as brand,
        unnest($window_months::integer[]) as mi,
        unnest($in_last3::boolean[]) as in_last3,
        unnest($in_prev3::boolean[]) as in_prev3,
        unnest($in_yoy_last3::boolean[]) as in_yoy_last3
),

brand_windows as (
    select
        unnest($brand_markets::varchar[]) as market,
        unnest($brand_brands::varchar[]) as brand,
        unnest($brand_end::integer[]) as end_mi,
        unnest($brand_has_prev3::boolean[]) as has_prev3,
        unnest($brand_has_yoy::boolean[]) as has_yoy
),

rows as (
    select market, brand, model, year * 12 + month - 1 as mi, units, amount_krw
    from sales_rows
),

final as (
    select
        rows.market,
        rows.model,
        sum(rows.units)::bigint as units,
        sum(rows.amount_krw)::bigint as amount_krw,
        coalesce(sum(rows.units) filter (where windows.in_last3), 0)::bigint as last3,
        case
            when bool_and(coalesce(brand_windows.has_prev3, false))
                then coalesce(sum(rows.units) filter (where windows.in_prev3), 0)
        end::bigint as prev3,
        case
            when bool_and(coalesce(brand_windows.has_yoy, false))
                then coalesce(sum(rows.units) filter (where windows.in_yoy_last3), 0)
        end::bigint as yoy_last3,
        max(brand_windows.end_mi)::bigint as end_mi
    from rows
    left join windows
        on rows.market = windows.market and rows.brand = windows.brand and rows.mi = windows.mi
    left join brand_windows on rows.market = brand_windows.market and rows.brand = brand_windows.brand
    group by all
)

select * from final
