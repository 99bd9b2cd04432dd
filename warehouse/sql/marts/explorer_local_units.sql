-- market explorer, competitors: our units per market, model family and month from
-- the flows that count local sales in a market: retail (overseas_retail, eu_retail),
-- cars sold in an overseas plant's own country (overseas_plant_sales with sales_type
-- domestic) and domestic_sales (Korea). priority: 1 retail, 2 plant, 3 domestic; for
-- each brand, market and year only the best-priority flow with rows is kept, so no car
-- is counted twice (Kia's US retail already holds its Georgia-built cars).
-- units: vehicles. months not reported are absent, never zero.
with local_sales as (
    select
        brand,
        market,
        model,
        flow,
        year,
        month,
        units,
        case
            when flow in ('overseas_retail', 'eu_retail') then 1
            when flow = 'overseas_plant_sales' then 2
            else 3
        end as priority
    from fact_sales
    where model is not null and market is not null
        and (
            flow in ('overseas_retail', 'eu_retail', 'domestic_sales')
            or (flow = 'overseas_plant_sales' and sales_type = 'domestic')
        )
),

best as (
    select brand, market, year, min(priority) as priority
    from local_sales
    group by all
),

final as (
    select
        local_sales.brand,
        local_sales.market,
        local_sales.model,
        local_sales.flow,
        local_sales.year::integer as year,
        local_sales.month::integer as month,
        sum(local_sales.units)::bigint as units  -- vehicles
    from local_sales
    inner join best
        on local_sales.brand = best.brand
        and local_sales.market = best.market
        and local_sales.year = best.year
        and local_sales.priority = best.priority
    group by all
)

select * from final
order by brand, market, model, year, month
