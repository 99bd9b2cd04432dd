-- one row per `carsight forecast` run; only the latest run is kept (see warehouse/forecasts.py).
create table forecast_runs (
    run_id varchar not null,          -- e.g. 20260128T031500Z-1a2b3c
    started_at timestamp not null,    -- UTC
    finished_at timestamp not null,   -- UTC
    horizon smallint not null,        -- months forecast after each series' last month
    series_filter varchar,            -- --series-filter text, null = every series
    n_series integer not null,        -- series forecast in this run
    seconds double not null,          -- wall-clock duration of the run
    source varchar not null           -- warehouse file the history was read from
);
