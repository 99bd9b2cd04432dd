-- The latest run of every job: job_id, run_key, due_at, status, started_at, finished_at, detail.
select job_id, run_key, due_at, status, started_at, finished_at, detail
from schedule_runs
where rowid in (
    select max(rowid) from schedule_runs group by job_id
)
order by job_id
