-- every model family and category seen in fact_sales or customers, with the facts
-- of the model catalogue (warehouse/catalogue, registered as catalogue_frame).
-- years: calendar years.
create table dim_model as
with sales as (
    select brand, coalesce(model, category) as model, powertrain, vehicle_type, year
    from fact_sales
    where coalesce(model, category) is not null
),

purchases as (
    select brand, model, powertrain, null as vehicle_type, year(purchase_date) as year
    from customers
    where model is not null
),

seen as (
    select
        brand,
        model,
        list(distinct powertrain order by powertrain)
            filter (where powertrain is not null) as powertrains_reported,
        list(distinct vehicle_type order by vehicle_type)
            filter (where vehicle_type is not null) as vehicle_types,
        min(year)::smallint as first_year,
        max(year)::smallint as last_year
    from (select * from sales union all select * from purchases)
    group by all
),

final as (
    select
        s.brand,
        s.model,
        case when not coalesce(c.is_category, false) then s.model end as family,
        coalesce(c.is_category, false) as is_category,
        c.marque,
        c.body_type,
        c.body_type_en,
        c.size_class,
        c.size_class_en,
        c.segment,
        c.segment_en,
        case when not coalesce(c.is_category, false)
            then coalesce(c.powertrains, s.powertrains_reported) end as powertrains,
        s.powertrains_reported,
        c.eco_friendly,
        s.vehicle_types,
        s.first_year,
        s.last_year,
        c.family is not null as in_catalogue,
        c.source
    from seen as s
    left join catalogue_frame as c on c.family = s.model
)

select * from final order by brand, is_category, model;
