-- the series of a forecast run (analytics/forecast/series.py); null market/model/plant = summed.
create table forecast_series (
    run_id varchar not null,
    series_id varchar not null,       -- brand|flow|market=..|model=..|plant=..
    brand varchar not null,           -- Hyundai | Kia
    flow varchar not null,            -- fact_sales.flow
    market varchar,
    model varchar,
    plant varchar,
    level varchar not null,           -- total | market | model | market_model | plant
    n_months integer not null,        -- reported months in the history
    first_ds date not null,           -- first reported month (first of month)
    last_ds date not null,            -- last reported month (first of month)
    chosen_model varchar,             -- chosen on backtest cutoffs before the latest one
    selection_rule varchar,           -- flow_default | series_evidence | no_history
    backtest_horizon smallint         -- months ahead the backtest scored (6 or 12)
);
