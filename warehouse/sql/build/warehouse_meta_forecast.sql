-- $1: the data version that `carsight forecast` read
update warehouse_meta set forecast_data_version = $1;
