-- units (vehicles) and amounts (KRW) per market and model over a strategy filter,
-- with the units of each momentum window (analytics.sales.Windows): the aggregate
-- every strategy view starts from. Reads `sales_rows` (marts/sales_rows_*.sql).
-- params: one list entry per (market, window month): $window_markets,
-- $window_months (month index year*12 + month-1), $in_last3, $in_prev3, $in_yoy_last3.
-- amount_krw is null where the rows have no amounts (every IR flow); a window
-- sum is 0 where the model has no row in the window's months.
with windows as (
    select
        unnest($window_markets::varchar[]) as market,
        unnest($window_months::integer[]) as mi,
        unnest($in_last3::boolean[]) as in_last3,
        unnest($in_prev3::boolean[]) as in_prev3,
        unnest($in_yoy_last3::boolean[]) as in_yoy_last3
),

rows as (
    select market, model, year * 12 + month - 1 as mi, units, amount_krw
    from sales_rows
),

final as (
    select
        rows.market,
        rows.model,
        sum(rows.units)::bigint as units,
        sum(rows.amount_krw)::bigint as amount_krw,
        coalesce(sum(rows.units) filter (where windows.in_last3), 0)::bigint as last3,
        coalesce(sum(rows.units) filter (where windows.in_prev3), 0)::bigint as prev3,
        coalesce(sum(rows.units) filter (where windows.in_yoy_last3), 0)::bigint as yoy_last3
    from rows
    left join windows on rows.market = windows.market and rows.mi = windows.mi
    group by all
)

select * from final
