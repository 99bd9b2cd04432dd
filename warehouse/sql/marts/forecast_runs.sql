-- every stored `carsight forecast` run, newest first (the page shows the first one).
-- seconds: wall-clock duration of the run; horizon in months.
with runs as (
    select * from forecast_runs
),

final as (
    select
        run_id, started_at, finished_at, horizon, series_filter, n_series, seconds, source
    from runs
)

select * from final
order by finished_at desc nulls last, started_at desc, run_id desc
