select * from warehouse_meta
