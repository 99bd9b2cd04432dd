-- market explorer, overseas retail: Kia's local sales per market (overseas_retail) and
-- Hyundai's European retail sales (eu_retail) per market, model family, powertrain and
-- month. units: vehicles. powertrain is null when the row may mix powertrains.
-- months not reported are absent, never zero.
with retail as (
    select brand, flow, market, model, category, powertrain, year, month, units
    from fact_sales
    where flow in ('overseas_retail', 'eu_retail') and market is not null
),

final as (
    select
        brand,
        flow,
        market,
        model,
        category,
        powertrain,
        year::integer as year,
        month::integer as month,
        sum(units)::bigint as units  -- vehicles
    from retail
    group by all
)

select * from final
order by brand, flow, market, model, category, powertrain, year, month
