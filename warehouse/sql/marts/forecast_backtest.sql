-- rolling-origin backtest forecasts of every series of one run next to the actuals
-- (vehicles per month), one row per series, model, cutoff and forecast month.
-- params: $run_id.
with backtest as (
    select * from forecast_backtest
    where run_id = $run_id
),

final as (
    select series_id, model_name, cutoff, ds, y, yhat, yhat_lower, yhat_upper
    from backtest
)

select * from final
order by series_id, model_name, cutoff, ds
