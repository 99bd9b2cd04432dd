create table rejected_rows (
    source_file varchar not null,
    line bigint,        -- 1-based line in the file
    "column" varchar,   -- header of the offending cell, when one cell is at fault
    reason varchar not null,
    raw varchar         -- the row as read, cells joined by ','
);
