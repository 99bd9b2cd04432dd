-- The unsubscribe token of an address. Parameter: email (lower case).
select token from email_tokens where email = ?
