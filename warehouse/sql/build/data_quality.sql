-- the data-quality report: file-level notes plus what overlap resolution did.
create table data_quality as
with mislabelled as (
    select
        'mislabelled_rows' as check_name, 'warning' as severity, source_file,
        format(
            '{} non-zero {} row(s) of {} are identical to overseas-plant rows of {}; '
            || 'they are plant figures, not counted as {} ({:,} vehicles)',
            count(*), flow, year, any_value(plant_file), flow, sum(total_units)
        ) as detail
    from mislabelled_rows
    group by source_file, flow, year
),

excluded as (
    select
        'file_year_excluded' as check_name, 'warning' as severity, source_file,
        format(
            '{} {} {}: {} of {} non-zero rows are copies of overseas-plant rows; '
            || 'the whole block is plant data and is treated as not reported',
            brand, flow, year, rows_copied, rows_nonzero
        ) as detail
    from excluded_file_years
),

overlap_summary as (
    select
        'source_overlap' as check_name,
        case when sum(kept_units) = sum(dropped_units) then 'info' else 'warning' end as severity,
        dropped_file as source_file,
        format(
            '{} {} {} months {}-{}: also in {}, which wins; totals {} '
            || '({:,} kept vs {:,} dropped, ratio {:.2f})',
            brand, flow, year, min(month), max(month), kept_file,
            case when sum(kept_units) = sum(dropped_units) then 'agree' else 'differ' end,
            sum(kept_units), sum(dropped_units),
            sum(dropped_units) / nullif(sum(kept_units), 0)
        ) as detail
    from source_overlaps
    group by brand, flow, year, kept_file, dropped_file
),

-- customer addresses per brand: how many gave a region (warehouse/region.py), how many did not.
address_regions as (
    select
        'address_region' as check_name, 'info' as severity,
        string_agg(distinct source_file, ', ' order by source_file) as source_file,
        format(
            '{} customers: {:,} of {:,} addresses resolved to a region ({:,} Korean 시·도, '
            || '{:,} US state); {:,} unknown (other formats are never guessed)',
            brand, count(region), count(*),
            count(*) filter (where regexp_matches(region, '^[가-힣]+$')),
            count(*) filter (where regexp_matches(region, '^[A-Z]{2}$')),
            count(*) - count(region)
        ) as detail
    from customers
    group by brand
),

final as (
    select * from data_quality_load
    union all select * from address_regions
    union all select * from mislabelled
    union all select * from excluded
    union all select * from overlap_summary
)

select * from final order by check_name, source_file, detail;
