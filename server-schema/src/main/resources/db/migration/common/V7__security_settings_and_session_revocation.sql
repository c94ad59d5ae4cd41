-- Issue 10 (hardening), the part both vendors share (SQL-API.md, "Sessions" and "Mail outbox").
--
--   tutti.setting          settings of the security functions that IT may change (no login role
--                          reads or writes them); session_lifetime_hours: a session ends this long
--                          after its login, however active it is (default 12)
--   account.sessions_revoked_at, account.surviving_session_id
--                          a password change or reset ends the account's other sessions by
--                          writing these two columns of the account only, never the sessions'
--                          rows (which their own clients may hold locked): a session is live only
--                          when it was created after sessions_revoked_at, or is the surviving one
--   mail_outbox            a secret exists only while its mail is PENDING
CREATE TABLE tutti.setting (
    name   varchar(60)  PRIMARY KEY,
    text_value  varchar(200) NOT NULL
);
INSERT INTO tutti.setting (name, text_value) VALUES ('session_lifetime_hours', '12');

ALTER TABLE tutti.account ADD COLUMN sessions_revoked_at timestamp with time zone;
ALTER TABLE tutti.account ADD COLUMN surviving_session_id bigint;

UPDATE tutti.mail_outbox SET secret = NULL WHERE status <> 'PENDING' AND secret IS NOT NULL;
ALTER TABLE tutti.mail_outbox ADD CONSTRAINT mail_outbox_secret_pending_ck CHECK (status = 'PENDING' OR secret IS NULL);
