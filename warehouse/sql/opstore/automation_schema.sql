-- The operational store's e-mail and schedule tables (SQLite). Created on first use.
-- Every message goes through the outbox: queued -> sent | failed | dry_run | skipped_opt_out;
-- `carsight email retry` sends the failed ones again. Each attempt is one email_log row.
create table if not exists email_outbox (
    id integer primary key autoincrement,
    created_at text not null default (datetime('now')),  -- UTC
    dedupe_key text unique,             -- same key = same message: never queued twice
    kind text not null,                 -- report | campaign | result | followup
    template text not null,             -- template file, e.g. campaign/segment-vip.ko.j2
    campaign text,
    customer_id text,
    recipient text not null,            -- e-mail address (PII)
    subject text not null,
    message blob not null,              -- the RFC 5322 message as sent
    status text not null default 'queued',
    attempts integer not null default 0,
    last_error text,
    updated_at text
);
create table if not exists email_optouts (
    email text primary key,             -- lower case
    opted_out_at text not null default (datetime('now')),  -- UTC
    source text not null                -- link | admin
);
create table if not exists email_tokens (
    token text primary key,             -- random, in the unsubscribe link
    email text not null unique          -- lower case
);
create table if not exists schedule_runs (
    run_key text primary key,           -- '<job id>@<due time, UTC ISO>': the idempotency key
    job_id text not null,
    kind text not null,                 -- report_email | forecast | followup
    due_at text not null,               -- UTC, ISO 8601
    status text not null,               -- running | done | failed
    started_at text not null,           -- UTC, ISO 8601
    finished_at text,
    detail text
);
