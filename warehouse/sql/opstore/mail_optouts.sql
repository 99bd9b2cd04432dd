-- Every opted-out address (lower case).
select email from email_optouts
