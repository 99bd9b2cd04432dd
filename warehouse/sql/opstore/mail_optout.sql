-- Opt an address out (idempotent). Parameters: email (lower case), source.
insert into email_optouts (email, source) values (?, ?)
on conflict (email) do nothing
