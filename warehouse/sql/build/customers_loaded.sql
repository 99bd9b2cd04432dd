-- customers as loaded, file by file; the last load of each customer_id becomes the
-- customers row (customers_latest). load_order: file number * 2^32 + file line.
create table customers_loaded as
select *, null::bigint as load_order from customers limit 0;
