-- promotional e-mails sent by the app, merged from the operational store at build time.
create table email_log (
    id bigint,
    sent_at varchar,      -- UTC, 'YYYY-MM-DD HH:MM:SS'
    customer_id varchar,
    recipient varchar,    -- e-mail address (PII)
    subject varchar,
    campaign varchar,
    status varchar,       -- sent | failed
    error varchar
);
