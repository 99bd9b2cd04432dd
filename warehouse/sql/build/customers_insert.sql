-- one parsed customer file (customers_file, valid rows) into customers_loaded: only the
-- rows the whole-file checks kept (customer_ids), with their customer id and the columns
-- of the file's brand (customer_models: brand, model, powertrain per label).
-- parameters: source file, the file's load order base. no order by: customers_latest
-- orders by load_order.
insert into customers_loaded by name
select
    f.* exclude (line, raw),
    m.brand, m.model, m.powertrain,
    i.customer_id,
    ?::varchar as source_file,
    ?::bigint + f.line as load_order
from customers_file as f
inner join customer_ids as i using (line)
left join customer_models as m on f.model_label is not distinct from m.model_label;
