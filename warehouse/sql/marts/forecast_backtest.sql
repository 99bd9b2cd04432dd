-- rolling-origin backtest forecasts of one series next to the actuals (vehicles per
-- month), one row per model, cutoff and forecast month. params: $run_id, $series_id.
with backtest as (
    select * from forecast_backtest
    where run_id = $run_id and series_id = $series_id
),

final as (
    select model_name, cutoff, ds, y, yhat, yhat_lower, yhat_upper
    from backtest
)

select * from final
order by model_name, cutoff, ds
