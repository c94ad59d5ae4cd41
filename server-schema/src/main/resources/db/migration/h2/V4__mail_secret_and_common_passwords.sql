-- Issue 4 on H2: the same logical step as postgresql/V4 (SQL-API.md, "Mail outbox"). The functions
-- keep their aliases (V2): their Java code (org.tutti.schema.h2.Passwords, PasswordMail) now stores
-- the new password in mail_outbox.secret behind the placeholder {{secret}} and refuses the passwords
-- of tutti.common_password (common/V3). H2 has no LISTEN/NOTIFY: the relay polls, so nothing announces
-- a new row. This version exists so that both vendors stay at the same schema version.
SELECT 1;
