create table load_log (
    source_file varchar not null,  -- path as given to build/ingest
    sha256 varchar not null,       -- hex digest of the file bytes
    format varchar not null,       -- detected format name ('-' for duplicates)
    brand varchar,
    encoding varchar,              -- utf-8, utf-8-sig, cp949 or xlsx
    status varchar not null,       -- loaded | duplicate
    rows_read bigint not null,     -- data rows in the file (header excluded)
    rows_loaded bigint not null,   -- rows that passed validation
    rows_rejected bigint not null, -- rows quarantined in rejected_rows
    fact_rows bigint not null,     -- tidy rows produced (row x month x market)
    loaded_at timestamp not null,
    seconds double not null,       -- wall time to parse the file
    year smallint,                 -- year the file claims (name or --year); null: rows carry it
    relabel varchar                -- --force-brand / --force-year relabels, '; '-separated
);
