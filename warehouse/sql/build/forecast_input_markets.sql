-- market attributes used as forecast features: climate zone and GDP (trillion USD).
with markets as (
    select market, climate_zone, gdp_trillion_usd from dim_market
),

final as (
    select * from markets
)

select * from final
order by market
