-- One delivery attempt. Parameters: customer_id, recipient, subject, campaign, status, error,
-- template, kind, outbox_id, attempt (1 = first try of this message).
insert into email_log
    (customer_id, recipient, subject, campaign, status, error, template, kind, outbox_id, attempt)
values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
