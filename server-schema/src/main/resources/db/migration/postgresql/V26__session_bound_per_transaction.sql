-- Issue 18 (performance and scale): the session is resolved once per transaction, not once per
-- policy and statement (ADR 0022).
--
-- Every policy of a login role calls tutti.current_family(), tutti.current_staff_site() or
-- tutti.current_account(), once per protected table of each statement. Each call hashed the
-- token, looked the session up and checked its account and its site's lifetime: about 0.1 ms a
-- call on an idle two-core machine (the site's lifetime alone, tutti.session_lifetime(), is a SQL
-- function planned again at every execution), most of a family statement's time.
--
-- tutti.touch_session(), which the client calls first in every transaction, now also writes what
-- it resolved into tutti.session_binding: one row per server process, stamped with the
-- transaction's id. The three functions read that row by the process id when its stamp is the
-- current transaction's and its token hash is the hash of the token now set; otherwise they
-- resolve the token as before. Same answers, same rows: a transaction that did not call
-- touch_session(), rolled it back (a savepoint too), changed tutti.session afterwards, or runs in
-- another process, takes the full path. No login role can read or write the table; only these
-- SECURITY DEFINER functions do. A transaction id (xid8) is never reused, a process id is unique
-- among live processes, so no binding outlives its transaction or moves to another connection.
--
-- What a binding does not see: a session ended or revoked by another connection while this
-- transaction runs stays valid until it ends (touch_session() refuses it at the next one). It is
-- what a REPEATABLE READ transaction already saw, and the login roles' transactions are short
-- (idle_in_transaction_session_timeout, statement_timeout). logout() removes the binding of its own
-- transaction.

CREATE TABLE tutti.session_binding (
    backend_pid   integer PRIMARY KEY,
    xact          xid8 NOT NULL,
    token_hash    varchar(64) NOT NULL,
    session_id    bigint NOT NULL,
    account_id    bigint NOT NULL,
    family_id     bigint,
    staff_site_id bigint
);
-- No foreign key: a binding is rewritten at every transaction and means nothing once its
-- transaction is over; a key would lock the session and account rows at every call.

REVOKE ALL ON tutti.session_binding FROM PUBLIC;
ALTER TABLE tutti.session_binding ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;

-- The token as the policies see it. The unique index on app_session.token_hash is used with a
-- value (it was not with the expression, the planner then scanned the live sessions by expiry:
-- more sessions open, a slower call). The default lifetime is computed once per call, outside the
-- query, where its plan is kept. Same conditions as V21.
CREATE OR REPLACE FUNCTION tutti.bound_session_id() RETURNS bigint
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, tutti, pg_temp
AS $$
DECLARE
    sent_hash constant text :=
        encode(sha256(convert_to(nullif(current_setting('tutti.session', true), ''), 'UTF8')), 'hex');
    default_lifetime interval;
BEGIN
    IF sent_hash IS NULL THEN
        RETURN NULL;
    END IF;
    default_lifetime := tutti.session_lifetime();
    RETURN (SELECT s.id
              FROM tutti.app_session s
              JOIN tutti.account a ON a.id = s.account_id
              JOIN tutti.site si ON si.id = a.site_id
             WHERE s.token_hash = sent_hash
               AND s.ended_at IS NULL
               AND s.expires_at > now()
               AND s.created_at > now() - coalesce(pg_catalog.make_interval(hours => si.session_lifetime_hours),
                                                   default_lifetime)
               AND (a.sessions_revoked_at IS NULL OR s.created_at > a.sessions_revoked_at OR s.id = a.surviving_session_id)
               AND a.active
               AND CASE a.role
                       WHEN 'FAMILY' THEN pg_has_role(session_user, 'tutti_family', 'MEMBER')
                       WHEN 'STAFF' THEN pg_has_role(session_user, 'tutti_staff', 'MEMBER')
                       ELSE false
                   END);
END
$$;

-- The binding of this transaction for the token set now, if touch_session() wrote one: at most
-- one row. No grant: only the session functions below, as their owner, read it. A view rather
-- than a function returning the row: a PL/pgSQL function returning a composite value cost about
-- 80 microseconds a call, more than the lookup it saved.
CREATE VIEW tutti.transaction_binding AS
SELECT b.session_id, b.account_id, b.family_id, b.staff_site_id
  FROM tutti.session_binding b
 WHERE b.backend_pid = pg_backend_pid()
   AND b.xact = pg_current_xact_id_if_assigned()
   AND b.token_hash = encode(sha256(convert_to(nullif(current_setting('tutti.session', true), ''), 'UTF8')), 'hex');

REVOKE ALL ON tutti.transaction_binding FROM PUBLIC;

CREATE OR REPLACE FUNCTION tutti.touch_session() RETURNS boolean
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, tutti, pg_temp
AS $$
DECLARE
    live constant bigint := tutti.bound_session_id();
    acc record;
BEGIN
    IF live IS NULL THEN
        DELETE FROM tutti.session_binding b
         WHERE b.backend_pid = pg_backend_pid() AND b.xact = pg_current_xact_id_if_assigned();
        RETURN false;
    END IF;
    UPDATE tutti.app_session s
       SET last_seen_at = now(), expires_at = greatest(s.expires_at, now() + interval '30 minutes')
     WHERE s.id = live
    RETURNING s.token_hash, s.account_id INTO acc;
    INSERT INTO tutti.session_binding AS b (backend_pid, xact, token_hash, session_id, account_id, family_id,
                                           staff_site_id)
    SELECT pg_backend_pid(), pg_current_xact_id(), acc.token_hash, live, a.id,
           CASE WHEN a.role = 'FAMILY' THEN a.family_id END,
           CASE WHEN a.role = 'STAFF' THEN a.site_id END
      FROM tutti.account a
     WHERE a.id = acc.account_id
    ON CONFLICT (backend_pid) DO UPDATE
       SET xact = excluded.xact, token_hash = excluded.token_hash, session_id = excluded.session_id,
           account_id = excluded.account_id, family_id = excluded.family_id,
           staff_site_id = excluded.staff_site_id;
    RETURN true;
END
$$;

CREATE OR REPLACE FUNCTION tutti.current_family() RETURNS bigint
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, tutti, pg_temp
AS $$
DECLARE
    bound bigint;
    live bigint;
BEGIN
    SELECT t.family_id, t.session_id INTO bound, live FROM tutti.transaction_binding t;
    IF live IS NOT NULL THEN
        RETURN bound;
    END IF;
    live := tutti.bound_session_id();
    RETURN (SELECT a.family_id
              FROM tutti.app_session s
              JOIN tutti.account a ON a.id = s.account_id
             WHERE s.id = live AND a.role = 'FAMILY');
END
$$;

CREATE OR REPLACE FUNCTION tutti.current_account() RETURNS bigint
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, tutti, pg_temp
AS $$
DECLARE
    bound bigint;
    live bigint;
BEGIN
    SELECT t.account_id, t.session_id INTO bound, live FROM tutti.transaction_binding t;
    IF live IS NOT NULL THEN
        RETURN bound;
    END IF;
    live := tutti.bound_session_id();
    RETURN (SELECT s.account_id FROM tutti.app_session s WHERE s.id = live);
END
$$;

CREATE OR REPLACE FUNCTION tutti.current_staff_site() RETURNS bigint
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, tutti, pg_temp
AS $$
DECLARE
    bound bigint;
    live bigint;
BEGIN
    SELECT t.staff_site_id, t.session_id INTO bound, live FROM tutti.transaction_binding t;
    IF live IS NOT NULL THEN
        RETURN bound;
    END IF;
    live := tutti.bound_session_id();
    RETURN (SELECT a.site_id
              FROM tutti.app_session s
              JOIN tutti.account a ON a.id = s.account_id
             WHERE s.id = live AND a.role = 'STAFF');
END
$$;

-- As V2, and the session's binding goes with it: what this transaction reads after the logout is
-- what a transaction without a session reads.
CREATE OR REPLACE FUNCTION tutti.logout() RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, tutti, pg_temp
AS $$
DECLARE
    live constant bigint := tutti.bound_session_id();
    ended_account bigint;
    ended_site bigint;
BEGIN
    DELETE FROM tutti.session_binding b
     WHERE b.backend_pid = pg_backend_pid() AND b.xact = pg_current_xact_id_if_assigned();
    IF live IS NULL THEN
        RETURN;
    END IF;
    UPDATE tutti.app_session s SET ended_at = greatest(now(), s.created_at)
     WHERE s.id = live
    RETURNING s.account_id INTO ended_account;
    SELECT a.site_id INTO ended_site FROM tutti.account a WHERE a.id = ended_account;
    PERFORM tutti.audit(ended_site, ended_account, 'LOGOUT', NULL);
END
$$;

