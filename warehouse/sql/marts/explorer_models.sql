-- market explorer, models: domestic sales and exports from Korea per model family
-- (or catalogue category), powertrain and month, with the body type from the model
-- catalogue (dim_model). units: vehicles. powertrain is null when the published row
-- may mix powertrains (e.g. Kia's Sportage); category rows (LCV, CKD, ...) have no
-- model, body type or powertrain. months not reported are absent, never zero.
with sales as (
    select brand, flow, model, category, powertrain, year, month, units
    from fact_sales
    where flow in ('domestic_sales', 'export_sales')
),

models as (
    select brand, model as name, body_type, body_type_en
    from dim_model
),

final as (
    select
        sales.brand,
        sales.flow,
        sales.model,
        sales.category,
        sales.powertrain,
        models.body_type,
        models.body_type_en,
        sales.year::integer as year,
        sales.month::integer as month,
        sum(sales.units)::bigint as units  -- vehicles
    from sales
    left join models
        on sales.brand = models.brand
        and coalesce(sales.model, sales.category) = models.name
    group by all
)

select * from final
order by brand, flow, model, category, powertrain, year, month
