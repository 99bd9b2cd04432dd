-- market explorer, competitors: the competitor file's best-selling models per market
-- and year, our brands included (is_ours). units: vehicles in the year's first
-- `months` months (12 = the full year). blocks that copy another market's block
-- (repeated_of) are left out, as in marts/competitors.sql.
with listed as (
    select year, market, model_name, brand, segment, powertrain, units, months
    from competitor_sales
    where market is not null and repeated_of is null
),

final as (
    select
        year::integer as year,
        market,
        model_name,
        brand,
        segment,
        powertrain,
        sum(units)::bigint as units,  -- vehicles
        min(months)::integer as months,
        (
            lower(coalesce(brand, '')) in ('hyundai', 'kia', 'genesis')
            or regexp_matches(lower(model_name), '^(hyundai|kia|genesis)\b')
        ) as is_ours
    from listed
    group by all
)

select * from final
order by year, market, units desc, model_name
