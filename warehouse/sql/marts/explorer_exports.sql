-- market explorer, exports by region: exports from Korea per destination market
-- (canonical region) and month, both brands. units: vehicles (complete vehicles;
-- Kia's CKD kits are their own flow, ckd_export, and are not in here).
-- months a brand has not reported are absent, never zero.
with exports as (
    select brand, market, year, month, units
    from fact_sales
    where flow = 'region_export' and market is not null
),

final as (
    select
        brand,
        market,
        year::integer as year,
        month::integer as month,
        sum(units)::bigint as units  -- vehicles
    from exports
    group by all
)

select * from final
order by brand, market, year, month
