-- units (vehicles) of one model in one market per month with a row, over a strategy
-- filter. Reads `sales_rows` (marts/sales_rows_*.sql). params: $market, $model.
with final as (
    select
        year,
        month,
        sum(units)::bigint as units
    from sales_rows
    where market = $market and model = $model
    group by all
)

select * from final
