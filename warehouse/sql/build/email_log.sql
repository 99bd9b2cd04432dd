-- e-mail delivery attempts of the app, merged from the operational store at build time.
create table email_log (
    id bigint,
    sent_at varchar,      -- UTC, 'YYYY-MM-DD HH:MM:SS'
    customer_id varchar,
    recipient varchar,    -- e-mail address (PII)
    subject varchar,
    campaign varchar,
    status varchar,       -- sent | failed | dry_run | skipped_opt_out (one row per attempt)
    error varchar,
    template varchar,     -- app/mail/templates file, e.g. campaign/segment-vip.ko.j2
    kind varchar,         -- report | campaign | result | followup
    attempt bigint        -- 1 = first try of the message
);
