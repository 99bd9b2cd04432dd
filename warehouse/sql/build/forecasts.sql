-- final forecasts after each series' last reported month, every model (vehicles per month).
create table forecasts (
    run_id varchar not null,
    series_id varchar not null,
    brand varchar not null,
    flow varchar not null,
    market varchar,
    model varchar,
    ds date not null,                 -- forecast month (first of month)
    model_name varchar not null,      -- seasonal_naive | prophet | lightgbm | ensemble | selected
    yhat double,                      -- vehicles per month
    yhat_lower double,                -- 80% interval lower bound, vehicles
    yhat_upper double,                -- 80% interval upper bound, vehicles
    bottom_up_yhat double             -- total series only: sum of the parts' yhat, same model
);
