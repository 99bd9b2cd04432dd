-- Forget attempts older than a time (they no longer count). Parameter: before (Unix s).
delete from login_attempts where attempted_at < ?
