-- The unsubscribe token of an address (kept when it exists). Parameters: token, email.
insert into email_tokens (token, email) values (?, ?)
on conflict (email) do nothing
