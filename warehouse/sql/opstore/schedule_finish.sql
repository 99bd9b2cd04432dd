-- The outcome of a claimed run. Parameters: status (done | failed), finished_at, detail, run_key.
update schedule_runs set status = ?, finished_at = ?, detail = ? where run_key = ?
