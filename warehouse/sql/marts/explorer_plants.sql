-- market explorer, plants: sales of vehicles built at overseas plants per plant,
-- model family (or category), sales type and month. units: vehicles. sales_type:
-- domestic (sold in the plant's country), export, or total (a plant that reports one
-- figure only). plant_name and plant_market come from dim_plant.
-- months not reported are absent, never zero.
with sales as (
    select brand, plant, model, category, sales_type, year, month, units
    from fact_sales
    where flow = 'overseas_plant_sales' and plant is not null
),

plants as (
    select plant, plant_name, market as plant_market
    from dim_plant
),

final as (
    select
        sales.brand,
        sales.plant,
        plants.plant_name,
        plants.plant_market,
        sales.model,
        sales.category,
        sales.sales_type,
        sales.year::integer as year,
        sales.month::integer as month,
        sum(sales.units)::bigint as units  -- vehicles
    from sales
    left join plants on sales.plant = plants.plant
    group by all
)

select * from final
order by brand, plant, model, category, sales_type, year, month
