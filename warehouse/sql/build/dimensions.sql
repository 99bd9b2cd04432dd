-- dimension tables. gdp: trillion USD.
create table dim_market as
with context as (
    select
        market,
        -- kia's augmented table has per-market values; prefer it where both exist
        arg_min(climate_zone, case when brand = 'Kia' then 0 else 1 end) as climate_zone,
        max(gdp_trillion_usd) filter (where gdp_trillion_usd is not null) as gdp_trillion_usd
    from market_context_raw
    where market is not null
    group by market
)

select m.market, m.market_ko, m.region, m.is_customer_market, c.climate_zone, c.gdp_trillion_usd
from markets_frame as m
left join context as c using (market)
order by m.market;

create table dim_plant as
select plant, brand, plant_name, market from plants_frame order by plant;
