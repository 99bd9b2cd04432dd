-- customers: of every customer id, the row loaded last (a later file updates an earlier one).
insert into customers by name
select * exclude (load_order)
from customers_loaded
qualify row_number() over (partition by customer_id order by load_order desc) = 1
order by load_order;
