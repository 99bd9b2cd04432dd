-- rolling-origin backtest forecasts next to the actuals (vehicles per month).
create table forecast_backtest (
    run_id varchar not null,
    series_id varchar not null,
    model_name varchar not null,
    cutoff date not null,             -- last month the model saw (first of month)
    ds date not null,                 -- forecast month, 1..6 months after cutoff
    y double,                         -- actual, vehicles
    yhat double,
    yhat_lower double,
    yhat_upper double
);
