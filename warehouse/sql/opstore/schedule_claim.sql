-- Claim one scheduled run by its idempotency key; a done run is never claimed again,
-- a failed or interrupted one (status running/failed) is claimed again.
-- Parameters: run_key, job_id, kind, due_at, started_at.
insert into schedule_runs (run_key, job_id, kind, due_at, status, started_at)
values (?, ?, ?, ?, 'running', ?)
on conflict (run_key) do update set
    status = 'running', started_at = excluded.started_at, finished_at = null, detail = null
where schedule_runs.status <> 'done'
