-- every file the warehouse was loaded from (paths as given to build/ingest): demo mode
-- is on only when all of them lie in the built-in sample folder.
select distinct source_file from load_log
