-- backtest accuracy per series, model and horizon (null horizon = pooled over horizons).
create table forecast_metrics (
    run_id varchar not null,
    series_id varchar not null,
    model_name varchar not null,
    horizon smallint,                 -- months ahead 1..12, null = every horizon pooled
    mase double,                      -- MAE / in-sample seasonal-naive MAE, unitless
    smape double,                     -- percent, 0-200
    mape double,                      -- percent, zero actuals skipped
    coverage80 double,                -- fraction 0-1 of actuals inside the 80% interval
    scope varchar not null,           -- all_cutoffs | latest_cutoff
    width80 double,                   -- median (upper - lower) / actual, unitless
    median_abs_error double,          -- median |actual - forecast|, vehicles per month
    scored_months integer,            -- backtest months scored
    interval_months integer           -- of them, months with an 80% interval
);
