-- decide which source rows become fact_sales. units: vehicles.

-- 1. rows of a by-model flow whose monthly vector equals a row of an overseas-plant
--    file of the same brand and year: plant figures mislabelled as domestic/export.
--    a single identical row with 3+ non-zero months is flagged on its own; short
--    rows (1-2 months) match by coincidence, so they count only inside a block
--    where most non-zero rows of the file-year-flow are copies.
create table vector_matches as
with vectors as (
    select
        source_file, line, brand, year, flow,
        list(struct_pack(month := month, units := units) order by month) as vec,
        sum(units)::bigint as total_units,
        count(*) filter (where units > 0) as nonzero_months
    from source_rows
    -- only the flows that can be confused: by-model sales and plant sales
    where flow in ('domestic_sales', 'export_sales', 'overseas_plant_sales')
    group by all
),

hashed as (
    select *, hash(vec) as vec_hash from vectors
),

final as (
    select
        d.source_file, d.line, d.brand, d.year, d.flow,
        p.source_file as plant_file, p.line as plant_line, d.total_units, d.nonzero_months
    from hashed as d
    inner join hashed as p
        on d.brand = p.brand and d.year = p.year and d.vec_hash = p.vec_hash
    where d.flow in ('domestic_sales', 'export_sales')
        and p.flow = 'overseas_plant_sales'
        and d.total_units > 0
        and d.vec = p.vec
    qualify row_number() over (
        partition by d.source_file, d.line order by p.source_file, p.line
    ) = 1
)

select * from final;

-- 2. file-year-flows where at least 5 strong copies exist and 80 % of the
--    non-zero rows are copies: the whole block is plant data, not reported sales.
create table excluded_file_years as
with nonzero_rows as (
    select source_file, brand, flow, year, count(distinct line) as rows_nonzero
    from source_rows
    where units > 0
    group by all
),

copies as (
    select
        source_file, brand, flow, year,
        count(*) as rows_copied,
        count(*) filter (where nonzero_months >= 3) as rows_strong
    from vector_matches
    group by all
)

select n.source_file, n.brand, n.flow, n.year, n.rows_nonzero, c.rows_copied
from nonzero_rows as n
inner join copies as c using (source_file, brand, flow, year)
where c.rows_strong >= 5 and c.rows_copied >= 0.8 * n.rows_nonzero;

create table mislabelled_rows as
select m.*
from vector_matches as m
where m.nonzero_months >= 3
    or exists (
        select 1 from excluded_file_years as e
        where e.source_file = m.source_file and e.flow = m.flow and e.year = m.year
    );

create table candidate_rows as
select s.*
from source_rows as s
anti join mislabelled_rows as m using (source_file, line)
anti join excluded_file_years as e using (source_file, brand, flow, year);

-- 3. one file per brand x flow x year x month: raw IR beats processed (priority),
--    then the file reporting more of the year, then the later file name.
create table source_coverage as
select source_file, brand, flow, year, min(priority) as priority, max(month) as last_month
from candidate_rows
group by all;

create table source_winners as
with keys as (
    select distinct brand, flow, year, month, source_file from candidate_rows
)

select k.brand, k.flow, k.year, k.month, k.source_file
from keys as k
inner join source_coverage as c using (source_file, brand, flow, year)
qualify row_number() over (
    partition by k.brand, k.flow, k.year, k.month
    order by c.priority, c.last_month desc, k.source_file desc
) = 1;

-- 4. every file that lost a month to another file, with both totals.
create table source_overlaps as
with per_file as (
    select brand, flow, year, month, source_file, sum(units)::bigint as units
    from candidate_rows
    group by all
),

final as (
    select
        l.brand, l.flow, l.year, l.month,
        w.source_file as kept_file, l.source_file as dropped_file,
        w.units as kept_units, l.units as dropped_units
    from per_file as l
    inner join source_winners as sw using (brand, flow, year, month)
    inner join per_file as w
        on w.brand = l.brand and w.flow = l.flow and w.year = l.year and w.month = l.month
        and w.source_file = sw.source_file
    where l.source_file <> sw.source_file
)

select * from final order by brand, flow, year, month, dropped_file;
