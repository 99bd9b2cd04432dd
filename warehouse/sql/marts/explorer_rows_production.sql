-- market explorer, source data: the production-vs-sales file's rows as loaded
-- (model_production). total_production and total_sales: vehicles.
select model_label, model, powertrain, brand, total_production, total_sales
from model_production
where source_file = $file
