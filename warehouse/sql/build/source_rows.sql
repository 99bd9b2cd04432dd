-- every parsed fact row of every loaded file, before overlap resolution.
-- units: vehicles. one row per file line x month (x market for wide-market files).
create table source_rows (
    source_file varchar,
    format varchar,
    priority tinyint,      -- 1 raw IR download, 2 processed wide, 3 processed long
    line bigint,           -- 1-based line in the file
    brand varchar,
    model varchar,
    category varchar,
    model_label varchar,
    vehicle_type varchar,
    powertrain varchar,
    market varchar,
    market_label varchar,
    region varchar,
    plant varchar,
    flow varchar,
    sales_type varchar,
    year smallint,
    month tinyint,
    units bigint           -- vehicles
);
