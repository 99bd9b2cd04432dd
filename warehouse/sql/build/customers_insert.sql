-- one parsed customer file (customers_file, valid rows) into customers_loaded: only the
-- rows the whole-file checks kept (customer_ids), with their customer id.
-- parameters: source file, the file's load order base.
insert into customers_loaded by name
select
    f.* exclude (line, raw),
    i.customer_id,
    ?::varchar as source_file,
    ?::bigint + f.line as load_order
from customers_file as f
inner join customer_ids as i using (line)
order by f.line;
