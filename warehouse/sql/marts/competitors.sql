-- best-selling competitor models in one market and year. units: vehicles in the
-- year's first `months` months (12 = the full year; a partial year covers fewer).
-- params: $market (canonical, dim_market.market), $year (null = the latest year
-- with data for the market). blocks that copy another market's block
-- (repeated_of, see warehouse/competitors.py) are left out.
-- Hyundai Motor Group brands (Hyundai, Kia, Genesis) are ours, not competitors.
-- Published labels that map to one market (Africa + Middle East ->
-- Middle East/Africa) are summed per model.
with source as (
    select year, market, model_name, brand, segment, powertrain, units, months
    from competitor_sales
    where market = $market and repeated_of is null
),

chosen_year as (
    select coalesce($year::smallint, max(year)) as year
    from source
),

final as (
    select
        source.year,
        source.market,
        source.model_name,
        source.brand,
        source.segment,
        source.powertrain,
        sum(source.units)::bigint as units,
        min(source.months)::tinyint as months
    from source
    inner join chosen_year on source.year = chosen_year.year
    where lower(coalesce(source.brand, '')) not in ('hyundai', 'kia', 'genesis')
        and not regexp_matches(lower(source.model_name), '^(hyundai|kia|genesis)\b')
    group by all
)

select * from final
order by units desc, model_name
