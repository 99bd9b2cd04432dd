-- Every run of one job, oldest first. Parameter: job_id.
select run_key, due_at, status, started_at, finished_at, detail
from schedule_runs where job_id = ? order by due_at
