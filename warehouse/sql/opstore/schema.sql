-- The operational store (SQLite): what the app itself writes. Created on first use.
-- Prospects: people registered at the dealer counter (/predict) who have not bought
-- yet. They are never purchases: the warehouse keeps them in `prospects`, apart
-- from `customers`. (Stores written before prospects existed kept them in a
-- `customers` table; opstore.connect moves those rows here.)
create table if not exists prospects (
    prospect_id text primary key,       -- 'N-<brand>-<user id>'
    brand text not null,
    user_id text not null,
    name text,
    birth_date text,                    -- YYYY-MM-DD
    age integer,
    gender text,                        -- M | F
    phone text,                         -- E.164 where possible
    email text,
    address text,
    signup_date text,                   -- YYYY-MM-DD
    market text,                        -- canonical market
    vehicle_class text,                 -- wanted, e.g. 중형 SUV
    model_label text,                   -- model of interest as chosen
    model text,                         -- its catalogue family
    eco_friendly integer,               -- 0 | 1: wants an eco-friendly car
    budget_krw integer,                 -- the budget the prospect named, KRW (not a purchase)
    payment_method text,
    purchase_count integer,             -- purchases before (as told at the counter)
    channel text,
    predicted_segment text,             -- 신규 when no purchases before (by definition)
    segment_probability real,           -- stores written before value tiers: 0-1
    predicted_cluster integer,          -- stores written before value tiers
    cluster_probability real,           -- stores written before value tiers: 0-1
    predicted_tier text,                -- value potential: VIP 잠재 | 일반 | 실속
    tier_probability real,              -- 0-1, calibrated, of predicted_tier
    model_version text,
    predicted_at text,                  -- UTC, 'YYYY-MM-DD HH:MM:SS'
    created_at text not null default (datetime('now')),
    unique (brand, user_id),
    unique (brand, email)
);
create table if not exists email_log (
    id integer primary key autoincrement,
    sent_at text not null default (datetime('now')),
    customer_id text,
    recipient text not null,
    subject text not null,
    campaign text,
    status text not null,               -- sent | failed
    error text
);
create table if not exists users (
    user_name text primary key,
    display_name text,
    role text not null,                 -- strategist | dealer | analyst | admin
    created_at text not null default (datetime('now'))
);
-- every sign-in attempt, for the lockout and the per-address rate limit (no passwords)
create table if not exists login_attempts (
    id integer primary key autoincrement,
    user_name text not null,            -- the name as typed (also names that do not exist)
    remote_addr text not null,
    ok integer not null,                -- 1 signed in, 0 refused
    attempted_at real not null          -- Unix time, seconds
);
create index if not exists login_attempts_user on login_attempts (user_name, attempted_at);
create index if not exists login_attempts_addr on login_attempts (remote_addr, attempted_at);
