-- $1: the data version that `carsight train` read
update warehouse_meta set trained_data_version = $1;
