-- users of the app, merged from the operational store at build time (no secrets).
create table app_users (
    user_name varchar,
    display_name varchar,
    role varchar,         -- strategist | dealer | analyst | admin
    created_at varchar
);
