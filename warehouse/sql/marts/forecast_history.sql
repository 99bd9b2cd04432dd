-- monthly actuals (vehicles) of one forecast series, summed from fact_sales.
-- params: $brand, $flow; $market, $model, $plant (null = every value, summed).
-- months not reported are absent, never zero.
with facts as (
    select year, month, units from fact_sales
    where brand = $brand
        and flow = $flow
        and ($market::varchar is null or market = $market::varchar)
        and ($model::varchar is null or model = $model::varchar)
        and ($plant::varchar is null or plant = $plant::varchar)
),

final as (
    select
        make_date(year, month, 1) as ds,
        sum(units)::double as y
    from facts
    group by all
)

select * from final
order by ds
