-- monthly facts to forecast from (analytics/forecast/series.py): one row per group and
-- reported month; units in vehicles. Months a source has not reported have no row.
with facts as (
    select
        brand, flow, market, region, model, vehicle_type, powertrain, plant, year, month, units
    from fact_sales
),

final as (
    select
        brand, flow, market, region, model, vehicle_type, powertrain, plant,
        make_date(year, month, 1) as ds,
        sum(units)::double as units
    from facts
    group by all
)

select * from final
order by brand, flow, ds
