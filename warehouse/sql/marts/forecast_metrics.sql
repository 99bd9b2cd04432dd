-- backtest accuracy of every series and model of one run, with the series' brand, flow
-- and level (for the leaderboard). params: $run_id.
-- mase: MAE / in-sample seasonal-naive MAE (unitless, < 1 beats the baseline);
-- smape, mape: percent (0-200, 0-inf); coverage80: share (0-1) of actuals inside the
-- 80% interval; width80: median interval width / actual (unitless); median_abs_error:
-- vehicles per month. horizon: months ahead, null = pooled over every horizon.
with metrics as (
    select * from forecast_metrics
    where run_id = $run_id
),

series as (
    select series_id, brand, flow, level from forecast_series
    where run_id = $run_id
),

-- m.* rather than a column list: a run stored before a column existed (width80, ...)
-- still reads; the reader (warehouse.forecasts.load_metrics) gives such a column as null.
final as (
    select
        m.* exclude (run_id, horizon), s.brand, s.flow, s.level,
        m.horizon::integer as horizon
    from metrics as m
    inner join series as s using (series_id)
)

select * from final
order by series_id, model_name, scope, horizon nulls first
