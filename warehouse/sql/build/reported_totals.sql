-- subtotal rows (Total / 총합 / 합계) as published. never summed into fact_sales:
-- kept only to check that detail rows add up. units: vehicles.
create table reported_totals (
    source_file varchar not null,
    brand varchar,
    flow varchar,
    year smallint,
    month tinyint,
    group_key varchar,  -- what the total covers, e.g. the region of a Kia region total
    label varchar,      -- the published total label
    units bigint
);
