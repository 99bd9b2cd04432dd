-- Queue one message; a message with the same dedupe_key is never queued twice.
-- Parameters: dedupe_key, kind, template, campaign, customer_id, recipient, subject, message.
insert into email_outbox
    (dedupe_key, kind, template, campaign, customer_id, recipient, subject, message)
values (?, ?, ?, ?, ?, ?, ?, ?)
on conflict (dedupe_key) do nothing
