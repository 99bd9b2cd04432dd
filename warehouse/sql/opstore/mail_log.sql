-- The e-mail log, newest first. Parameter: limit.
select id, sent_at, recipient, kind, template, campaign, subject, status, attempt, error
from email_log
order by id desc
limit ?
