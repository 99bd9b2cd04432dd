-- the future forecasts of every series of one run: one row per series, model and month
-- (yhat and the 80% interval bounds, in vehicles per month). params: $run_id.
-- bottom_up_yhat: total series only, the sum of the parts' yhat (same model), else null.
with forecasts as (
    select * from forecasts
    where run_id = $run_id
),

final as (
    select series_id, model_name, ds, yhat, yhat_lower, yhat_upper, bottom_up_yhat
    from forecasts
)

select * from final
order by series_id, model_name, ds
