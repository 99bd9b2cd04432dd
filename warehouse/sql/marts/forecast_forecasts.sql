-- the future forecasts of one series: one row per model and month (yhat and the 80%
-- interval bounds, in vehicles per month). params: $run_id, $series_id.
-- bottom_up_yhat: total series only, the sum of the parts' yhat (same model), else null.
with forecasts as (
    select * from forecasts
    where run_id = $run_id and series_id = $series_id
),

final as (
    select model_name, ds, yhat, yhat_lower, yhat_upper, bottom_up_yhat
    from forecasts
)

select * from final
order by model_name, ds
