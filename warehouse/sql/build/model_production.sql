-- total production vs total sales per model over the processed period (vehicles).
create table model_production (
    model_label varchar,
    total_production bigint,
    total_sales bigint,
    model varchar,
    powertrain varchar,
    brand varchar,
    source_file varchar not null
);
