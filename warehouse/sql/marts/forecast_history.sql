-- monthly actuals (vehicles) per brand, flow, market, model and plant, from fact_sales:
-- the parts every forecast series sums (a series sums over the columns it leaves null).
-- months not reported are absent, never zero.
with facts as (
    select brand, flow, market, model, plant, year, month, units from fact_sales
),

final as (
    select
        brand, flow, market, model, plant,
        make_date(year, month, 1) as ds,
        sum(units)::double as y
    from facts
    group by all
)

select * from final
order by brand, flow, ds
