-- what the loader noticed while reading files (file-level checks).
create table data_quality_load (
    check_name varchar not null,
    severity varchar not null,  -- info | warning
    source_file varchar,
    detail varchar not null
);
