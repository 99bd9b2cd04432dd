-- The address an unsubscribe token belongs to. Parameter: token.
select email from email_tokens where token = ?
