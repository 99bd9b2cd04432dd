-- every canonical model family seen in fact_sales or customers.
create table dim_model as
with seen as (
    select brand, model, powertrain, vehicle_type, year from fact_sales where model is not null
    union all
    select brand, model, powertrain, null as vehicle_type, year(purchase_date) as year
    from customers where model is not null
),

final as (
    select
        brand,
        model,
        list(distinct powertrain order by powertrain) as powertrains,
        list(distinct vehicle_type order by vehicle_type)
            filter (where vehicle_type is not null) as vehicle_types,
        min(year)::smallint as first_year,
        max(year)::smallint as last_year
    from seen
    group by brand, model
)

select * from final order by brand, model;
