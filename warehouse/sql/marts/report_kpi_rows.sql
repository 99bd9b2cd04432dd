-- units (vehicles) and amounts (KRW) per month, market and model over a strategy filter:
-- what the report's year-over-year KPIs compare (analytics.report.kpi). Reads `sales_rows`
-- (marts/sales_rows_*.sql). amount_krw is null where the rows have no amounts.
with rows as (
    select market, model, year, month, units, amount_krw from sales_rows
),

final as (
    select
        market,
        model,
        year,
        month,
        sum(units)::bigint as units,
        sum(amount_krw)::bigint as amount_krw
    from rows
    group by all
)

select * from final
order by year, month, market, model
