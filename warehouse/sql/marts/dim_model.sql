-- the model catalogue joined to what was sold: dim_model (see schema.yml).
select * from dim_model order by brand, is_category, model
