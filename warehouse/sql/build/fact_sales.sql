-- the one tidy table of monthly units (vehicles). a public contract: see schema.yml.
create table fact_sales as
select
    c.brand, c.model, c.category, c.model_label, c.vehicle_type, c.powertrain,
    c.market, c.market_label, c.region, c.plant, c.flow, c.sales_type,
    c.year, c.month, c.units, c.source_file, c.line as source_line
from candidate_rows as c
semi join source_winners as w using (brand, flow, year, month, source_file)
order by c.brand, c.flow, c.year, c.month, c.source_file, c.line;
