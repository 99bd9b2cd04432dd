-- The operational store (SQLite): what the app itself writes. Created on first use;
-- columns added later are in opstore.MIGRATIONS.
create table if not exists customers (
    customer_id text primary key,       -- 'N-<brand>-<user id>' for app-registered customers
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
    vehicle_class text,
    model_label text,
    model text,
    eco_friendly integer,
    amount_krw integer,                 -- budget or transaction amount, KRW
    payment_method text,
    purchase_count integer,
    channel text,
    market text,
    predicted_segment text,
    segment_probability real,           -- 0-1, of predicted_segment
    predicted_cluster integer,
    cluster_probability real,           -- 0-1, of predicted_cluster
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
