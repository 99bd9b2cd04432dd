-- The outcome of a message's latest attempt. Parameters: status, attempts, last_error, id.
update email_outbox
set status = ?, attempts = ?, last_error = ?, updated_at = datetime('now')
where id = ?
