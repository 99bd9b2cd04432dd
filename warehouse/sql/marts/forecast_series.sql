-- the series of one forecast run: what the series picker offers.
-- params: $run_id. null market/model/plant = summed over every value of that column.
-- n_months: months with reported data; first_ds/last_ds: first and last of them.
with series as (
    select * from forecast_series
    where run_id = $run_id
),

-- every column rather than a list: a run stored before a column existed
-- (selection_rule, backtest_horizon) still reads; the reader gives it as null.
final as (
    select * exclude (run_id)
    from series
)

select * from final
order by brand, flow, level, market nulls first, model nulls first, plant nulls first
