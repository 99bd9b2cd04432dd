-- market explorer, source data: the competitor file's rows as loaded (competitor_sales).
-- units: vehicles in the year's first `months` months.
select
    year::integer as year, market_label, market, model_name, brand, segment, powertrain,
    units, months::integer as months, repeated_of
from competitor_sales
where source_file = $file
