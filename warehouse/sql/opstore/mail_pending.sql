-- Messages still to send (queued, or failed on an earlier try), oldest first. Parameter: limit.
select id, kind, template, campaign, customer_id, recipient, subject, message, attempts
from email_outbox
where status in ('queued', 'failed')
order by id
limit ?
