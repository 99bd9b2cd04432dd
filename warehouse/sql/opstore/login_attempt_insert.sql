-- One sign-in attempt. Parameters: user_name, remote_addr, ok (1/0), attempted_at (Unix s).
insert into login_attempts (user_name, remote_addr, ok, attempted_at) values (?, ?, ?, ?)
