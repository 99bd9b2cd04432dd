-- market explorer, source data: one sales file's rows as loaded (source_rows: one row
-- per file line x month x market, before overlap resolution). units: vehicles.
select
    line, model_label, model, category, powertrain, vehicle_type, market_label, market,
    plant, flow, sales_type, year::integer as year, month::integer as month, units
from source_rows
where source_file = $file
