-- one row: which data this warehouse file holds, and which data the derived results
-- (carsight train, carsight forecast) were computed from.
create table warehouse_meta (
    data_version varchar not null,      -- id of the loaded data; new on every build/ingest
    built_at timestamp not null,        -- local time the data was stamped, to the second
    fingerprint varchar not null,       -- sha256 over the loaded files' digests and claims
    command varchar not null,           -- build | ingest
    trained_data_version varchar,       -- data_version that customer_segments/clusters came from
    forecast_data_version varchar       -- data_version that the forecast tables came from
);
