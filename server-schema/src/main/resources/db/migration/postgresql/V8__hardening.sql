-- Issue 10 on PostgreSQL: the database against a family that runs any SQL as tutti_family
-- (SQL-API.md, "Hardening"; ADR 0009). Together with the superuser step `tutti-schema harden`
-- (org/tutti/schema/harden.sql), which this migration cannot do itself.
--
--   search_path   every function of schema tutti pins pg_catalog, tutti, pg_temp (pg_temp last: a
--                 caller's temporary objects are never found before the real ones)
--   recorder      login, request_password and change_password write nothing in the caller's
--                 transaction: every write goes through tutti.loopback() (dblink to this same
--                 database, as the per-database recorder role that harden creates) into a
--                 transaction of its own, committed before the caller sees an answer. A ROLLBACK
--                 or an error after the call undoes nothing; the caller's transaction holds no
--                 lock, so nobody can keep another login waiting. Until harden has run, the
--                 stub tutti.loopback() raises TU503 and every login fails (closed, not open).
--   sessions      live only while younger than the setting session_lifetime_hours, and created
--                 after the account's sessions_revoked_at (or the surviving session of a change)
--   staff         change requests only through decide_change, which checks the target row;
--                 account changes only on the site's FAMILY accounts; every foreign key of a
--                 staff write points to a row of the staff's site
--   relay         UPDATE on the delivery columns of mail_outbox only; a secret cannot be set,
--                 and goes when the mail leaves PENDING

-- ---------------------------------------------------------------- the recorder's group role

-- Harden creates one LOGIN role per database (tutti_recorder_<database>) and makes it a member
-- of this NOLOGIN group, which the recorder functions are granted to. Created here when the
-- migrating user may; otherwise harden creates it and grants what follows.
DO $group$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'tutti_recorder') THEN
        BEGIN
            CREATE ROLE tutti_recorder NOLOGIN NOINHERIT;
        EXCEPTION WHEN insufficient_privilege THEN
            RAISE NOTICE 'role tutti_recorder not created (%): tutti-schema harden creates it', SQLERRM;
        END;
    END IF;
END
$group$;

-- ---------------------------------------------------------------- settings and sessions

-- The absolute lifetime of a session (setting session_lifetime_hours; 12 h when missing or invalid).
CREATE FUNCTION tutti.session_lifetime() RETURNS interval
LANGUAGE sql STABLE SET search_path = pg_catalog, tutti, pg_temp
AS $$
    SELECT coalesce((SELECT pg_catalog.make_interval(hours => s.text_value::integer)
                       FROM tutti.setting s
                      WHERE s.name = 'session_lifetime_hours' AND s.text_value ~ '^[0-9]{1,4}$'
                        AND s.text_value::integer > 0),
                    interval '12 hours')
$$;

CREATE OR REPLACE FUNCTION tutti.bound_session_id() RETURNS bigint
LANGUAGE sql STABLE SET search_path = pg_catalog, tutti, pg_temp
AS $$
    SELECT s.id
      FROM tutti.app_session s
      JOIN tutti.account a ON a.id = s.account_id
     WHERE s.token_hash = encode(sha256(convert_to(nullif(current_setting('tutti.session', true), ''), 'UTF8')), 'hex')
       AND s.ended_at IS NULL
       AND s.expires_at > now()
       AND s.created_at > now() - tutti.session_lifetime()
       AND (a.sessions_revoked_at IS NULL OR s.created_at > a.sessions_revoked_at OR s.id = a.surviving_session_id)
       AND a.active
       AND CASE a.role
               WHEN 'FAMILY' THEN pg_has_role(session_user, 'tutti_family', 'MEMBER')
               WHEN 'STAFF' THEN pg_has_role(session_user, 'tutti_staff', 'MEMBER')
               ELSE false
           END
$$;

-- ---------------------------------------------------------------- the loopback

-- What the loopback stubs answer until harden replaces them (harden.sql).
CREATE FUNCTION tutti.not_hardened() RETURNS text
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, tutti, pg_temp
AS $$
BEGIN
    RAISE EXCEPTION USING ERRCODE = 'TU503',
        MESSAGE = 'Tutti is not hardened: a superuser must run tutti-schema harden (IT guide, src-docs/it-guide.md)';
END
$$;

-- Runs one statement in a transaction of its own (a dblink connection to this database as the
-- recorder role) and returns its single text value. Until harden, a stub: every login fails.
CREATE FUNCTION tutti.loopback(statement text) RETURNS text
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, tutti, pg_temp
AS $$ SELECT tutti.not_hardened() $$;

-- The same over one connection for several statements (login: the charge, then the outcome),
-- each still a transaction of its own: open, exec…, close. Stubs until harden, like loopback().
CREATE FUNCTION tutti.loopback_open() RETURNS void
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, tutti, pg_temp
AS $$ SELECT tutti.not_hardened() $$;

CREATE FUNCTION tutti.loopback_exec(statement text) RETURNS text
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, tutti, pg_temp
AS $$ SELECT tutti.not_hardened() $$;

CREATE FUNCTION tutti.loopback_close() RETURNS void
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, tutti, pg_temp
AS $$ SELECT $$;

-- Whether harden has run (the loopback is no longer the stub): the client asks at start, so that
-- an unhardened server is reported to IT instead of every login failing as a wrong password.
CREATE FUNCTION tutti.security_ready() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, tutti, pg_temp
AS $$
    SELECT EXISTS (SELECT FROM pg_catalog.pg_foreign_server WHERE srvname = 'tutti_loopback')
       AND (SELECT p.prosrc NOT LIKE '%not_hardened%' FROM pg_catalog.pg_proc p
             WHERE p.oid = 'tutti.loopback(text)'::regprocedure)
$$;

GRANT EXECUTE ON FUNCTION tutti.security_ready() TO tutti_family, tutti_staff;

-- A statement for the loopback: the call of a recorder function with its arguments as literals.
CREATE FUNCTION tutti.recorder_call(name text, VARIADIC arguments text[]) RETURNS text
LANGUAGE sql STABLE SET search_path = pg_catalog, tutti, pg_temp
AS $$
    SELECT format('SELECT tutti.%I(%s)', name,
                  (SELECT string_agg(quote_nullable(a), ', ' ORDER BY i)
                     FROM unnest(arguments) WITH ORDINALITY AS t (a, i)))
$$;

-- What a caller typed, for a log line: control characters (a line feed would forge a second log
-- line for fail2ban) replaced, 40 characters at most, quoted.
CREATE FUNCTION tutti.log_text(value text) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, tutti, pg_temp
AS $$
    SELECT quote_literal(regexp_replace(left(coalesce(value, ''), 40), '[[:cntrl:]]', '?', 'g'))
$$;

-- The address of the caller, for the log lines that fail2ban reads.
CREATE FUNCTION tutti.client_address() RETURNS text
LANGUAGE sql STABLE SET search_path = pg_catalog, tutti, pg_temp
AS $$
    SELECT coalesce(host(inet_client_addr()), 'local')
$$;

-- An instant as text that reads back the same in any session (DateStyle and TimeZone are the
-- caller's to choose): seconds since the epoch, to the microsecond.
CREATE FUNCTION tutti.instant_text(instant timestamptz) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, tutti, pg_temp
AS $$
    SELECT extract(epoch FROM instant)::text
$$;

-- ---------------------------------------------------------------- recorder functions

-- Called only through the loopback, as the recorder role: EXECUTE for tutti_recorder alone.
-- Each runs in its own short transaction with lock_timeout 2 s: it never waits long, and what it
-- could not do fails the login or the request (closed).

-- What the recorder role is, for `tutti-schema check`.
CREATE FUNCTION tutti.rec_ping() RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, tutti, pg_temp
AS $$
    SELECT session_user::text
$$;

-- Before a password is checked, the attempt is charged as a failure (a caller that aborts
-- between the check and the outcome has used one attempt anyway). Returns 'none' (no account),
-- 'locked' (nothing charged), or 'charged:<n>' (n failures in the window; at 5 the account is
-- locked for 15 minutes, and a right password still lifts the lock).
CREATE FUNCTION tutti.rec_login_begin(account_id text) RETURNS text
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, tutti, pg_temp SET lock_timeout = '2s'
AS $$
DECLARE
    max_failures constant integer := 5;
    failure_window constant interval := interval '15 minutes';
    lock_duration constant interval := interval '15 minutes';
    acc record;
    failures integer;
BEGIN
    IF rec_login_begin.account_id IS NULL THEN
        RETURN 'none';
    END IF;
    SELECT a.id, a.failed_attempts, a.first_failure_at, a.locked_until INTO acc
      FROM tutti.account a WHERE a.id = rec_login_begin.account_id::bigint
       FOR NO KEY UPDATE;
    IF NOT FOUND THEN
        RETURN 'none';
    END IF;
    IF acc.locked_until IS NOT NULL AND acc.locked_until > now() THEN
        RETURN 'locked';
    END IF;
    IF acc.first_failure_at IS NULL OR acc.first_failure_at <= now() - failure_window THEN
        failures := 1;
        acc.first_failure_at := now();
    ELSE
        failures := acc.failed_attempts + 1;
    END IF;
    IF failures >= max_failures THEN
        UPDATE tutti.account a SET failed_attempts = 0, first_failure_at = NULL, locked_until = now() + lock_duration
         WHERE a.id = acc.id;
    ELSE
        UPDATE tutti.account a SET failed_attempts = failures, first_failure_at = acc.first_failure_at, locked_until = NULL
         WHERE a.id = acc.id;
    END IF;
    RETURN 'charged:' || failures;
END
$$;

-- The outcome of a login. 'success': the charge is lifted and a session opened, unless the
-- password changed since it was read (then a failure); returns the token. Otherwise the reason
-- is audited (and the lock the charge caused) and NULL is returned.
CREATE FUNCTION tutti.rec_login_end(site_id text, account_id text, outcome text, charge text,
                                    password_changed_at text) RETURNS text
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, tutti, pg_temp SET lock_timeout = '2s'
AS $$
DECLARE
    max_failures constant integer := 5;
    idle_timeout constant interval := interval '30 minutes';
    site bigint := rec_login_end.site_id::bigint;
    acc record;
    token text;
    failures integer := nullif(substring(rec_login_end.charge FROM '^charged:([0-9]+)$'), '')::integer;
    reason text := rec_login_end.outcome;
BEGIN
    IF reason = 'success' THEN
        SELECT a.id, a.password_changed_at INTO acc
          FROM tutti.account a WHERE a.id = rec_login_end.account_id::bigint
           FOR NO KEY UPDATE;
        IF FOUND AND tutti.instant_text(acc.password_changed_at) IS NOT DISTINCT FROM rec_login_end.password_changed_at THEN
            UPDATE tutti.account a SET failed_attempts = 0, first_failure_at = NULL, locked_until = NULL
             WHERE a.id = acc.id;
            token := encode(tutti.random_bytes(32), 'hex');
            INSERT INTO tutti.app_session (account_id, token_hash, created_at, last_seen_at, expires_at)
            VALUES (acc.id, encode(sha256(convert_to(token, 'UTF8')), 'hex'), clock_timestamp(), clock_timestamp(),
                    clock_timestamp() + least(idle_timeout, tutti.session_lifetime()));
            PERFORM tutti.audit(site, acc.id, 'LOGIN_SUCCESS', NULL);
            RETURN token;
        END IF;
        reason := 'password changed during the login';
    END IF;
    IF reason = 'wrong password' AND failures IS NOT NULL THEN
        reason := format('wrong password (%s of %s)', failures, max_failures);
    END IF;
    PERFORM tutti.audit(site, rec_login_end.account_id::bigint, 'LOGIN_FAILURE', reason);
    IF rec_login_end.outcome = 'wrong password' AND failures >= max_failures THEN
        PERFORM tutti.audit(site, rec_login_end.account_id::bigint, 'ACCOUNT_LOCKED',
                            format('%s wrong passwords; locked until %s', max_failures,
                                   (SELECT a.locked_until FROM tutti.account a
                                     WHERE a.id = rec_login_end.account_id::bigint)));
    END IF;
    RETURN NULL;
END
$$;

-- A lost-password request, whole: quota, reset and mail, or the same work for nothing. The quota
-- counts requests per (identifier, e-mail) pair, matched or not: 5 an hour. A stranger's
-- requests with a wrong address use up the stranger's pair, not the owner's. Returns 'done' or
-- 'quota'. Matched and unmatched requests leave the same notification (empty payload).
CREATE FUNCTION tutti.rec_password_request(identifier text, email text, client text) RETURNS text
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, tutti, pg_temp SET lock_timeout = '2s'
AS $$
DECLARE
    max_requests constant integer := 5;
    request_window constant interval := interval '1 hour';
    request_key constant text := left(upper(coalesce(rec_password_request.identifier, '')), 100)
                                 || ' <' || left(lower(coalesce(rec_password_request.email, '')), 254) || '>';
    m record;
    matched boolean := false;
    new_password text;
    revoked_at timestamptz;
    subject text;
    address text;
    body_text text;
    body_html text;
BEGIN
    IF (SELECT count(*) FROM tutti.audit_event e
         WHERE e.kind IN ('PASSWORD_RESET', 'PASSWORD_REQUEST_UNMATCHED')
           AND e.detail = request_key
           AND e.occurred_at > now() - request_window) >= max_requests THEN
        RETURN 'quota';
    END IF;

    FOR m IN SELECT a.id, a.identifier, a.email, t.id AS site_id, t.name AS site_name,
                    t.address1, t.address2, t.postal_code, t.city, t.phone, t.email AS site_email
               FROM tutti.account a
               JOIN tutti.site t ON t.id = a.site_id
              WHERE rec_password_request.identifier IS NOT NULL AND rec_password_request.email IS NOT NULL
                AND a.identifier = upper(rec_password_request.identifier)
                AND lower(a.email) = lower(rec_password_request.email)
                AND a.active
              ORDER BY a.id
                FOR NO KEY UPDATE OF a
    LOOP
        matched := true;
        new_password := tutti.new_password();
        revoked_at := clock_timestamp();
        UPDATE tutti.account a
           SET password_hash = tutti.bcrypt_hash(new_password), password_changed_at = revoked_at,
               sessions_revoked_at = revoked_at, surviving_session_id = NULL,
               failed_attempts = 0, first_failure_at = NULL, locked_until = NULL, version = a.version + 1
         WHERE a.id = m.id;
        PERFORM tutti.end_sessions_quietly(m.id, NULL);

        subject := m.site_name || ' — votre nouveau mot de passe';
        address := concat_ws(E'\n', m.site_name, m.address1, m.address2, m.postal_code || ' ' || m.city,
                             'Tél. ' || m.phone, m.site_email);
        body_text := 'Bonjour,' || E'\n\n'
            || 'Vous avez demandé un nouveau mot de passe pour votre compte Tutti (' || m.site_name || ').' || E'\n\n'
            || 'Identifiant : ' || m.identifier || E'\n'
            || 'Nouveau mot de passe : {{secret}}' || E'\n\n'
            || 'Votre ancien mot de passe ne fonctionne plus. Pour vous connecter, ouvrez Tutti, choisissez « '
            || m.site_name || ' », puis saisissez votre identifiant et ce mot de passe. Vous pourrez ensuite '
            || 'choisir votre propre mot de passe (10 caractères au moins).' || E'\n\n'
            || 'Si vous n''êtes pas à l''origine de cette demande, prévenez l''accueil.' || E'\n\n'
            || 'Cordialement,' || E'\n\n'
            || address || E'\n';
        body_html := '<!DOCTYPE html>' || E'\n'
            || '<html lang="fr"><head><meta charset="utf-8"><title>' || tutti.html_escape(subject)
            || '</title></head>' || E'\n'
            || '<body style="font-family: sans-serif; line-height: 1.4">' || E'\n'
            || '<p>Bonjour,</p>' || E'\n'
            || '<p>Vous avez demandé un nouveau mot de passe pour votre compte Tutti ('
            || tutti.html_escape(m.site_name) || ').</p>' || E'\n'
            || '<table>' || E'\n'
            || '<tr><td>Identifiant&nbsp;:</td><td><strong>' || tutti.html_escape(m.identifier)
            || '</strong></td></tr>' || E'\n'
            || '<tr><td>Nouveau mot de passe&nbsp;:</td><td><strong><code>{{secret}}</code></strong></td></tr>' || E'\n'
            || '</table>' || E'\n'
            || '<p>Votre ancien mot de passe ne fonctionne plus. Pour vous connecter, ouvrez Tutti, choisissez «&nbsp;'
            || tutti.html_escape(m.site_name) || '&nbsp;», puis saisissez votre identifiant et ce mot de passe. '
            || 'Vous pourrez ensuite choisir votre propre mot de passe (10 caractères au moins).</p>' || E'\n'
            || '<p>Si vous n''êtes pas à l''origine de cette demande, prévenez l''accueil.</p>' || E'\n'
            || '<p>Cordialement,</p>' || E'\n'
            || '<p>' || replace(tutti.html_escape(address), E'\n', '<br>' || E'\n') || '</p>' || E'\n'
            || '</body></html>' || E'\n';
        INSERT INTO tutti.mail_outbox (site_id, kind, recipient, subject, body_text, body_html, contains_secret, secret,
                                       status, attempts, next_attempt_at, created_at)
        VALUES (m.site_id, 'PASSWORD_RESET', m.email, subject, body_text, body_html, true, new_password,
                'PENDING', 0, now(), now());
        PERFORM tutti.audit(m.site_id, m.id, 'PASSWORD_RESET', request_key);
    END LOOP;

    IF NOT matched THEN
        PERFORM tutti.bcrypt_hash(tutti.new_password()); -- the same work as a reset
        PERFORM tutti.audit(NULL, NULL, 'PASSWORD_REQUEST_UNMATCHED', request_key);
    END IF;
    PERFORM pg_notify('tutti_mail', '');
    RETURN 'done';
END
$$;

-- A password change for the account of session keep_session, which survives it; the account's
-- other sessions end. 'stale' when the password changed since the caller read it.
CREATE FUNCTION tutti.rec_password_change(account_id text, keep_session text, new_hash text,
                                          password_changed_at text) RETURNS text
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, tutti, pg_temp SET lock_timeout = '2s'
AS $$
DECLARE
    acc record;
    revoked_at timestamptz := clock_timestamp();
BEGIN
    SELECT a.id, a.site_id, a.password_changed_at INTO acc
      FROM tutti.account a WHERE a.id = rec_password_change.account_id::bigint
       FOR NO KEY UPDATE;
    IF NOT FOUND OR tutti.instant_text(acc.password_changed_at) IS DISTINCT FROM rec_password_change.password_changed_at THEN
        RETURN 'stale';
    END IF;
    UPDATE tutti.account a
       SET password_hash = rec_password_change.new_hash, password_changed_at = revoked_at,
           sessions_revoked_at = revoked_at, surviving_session_id = rec_password_change.keep_session::bigint,
           version = a.version + 1
     WHERE a.id = acc.id;
    PERFORM tutti.end_sessions_quietly(acc.id, rec_password_change.keep_session::bigint);
    PERFORM tutti.audit(acc.site_id, acc.id, 'PASSWORD_CHANGED', NULL);
    RETURN 'changed';
END
$$;

-- Marks the account's other sessions ended where nobody holds their row; the rule of
-- bound_session_id has ended them all already, this only keeps the table truthful.
CREATE FUNCTION tutti.end_sessions_quietly(account_id bigint, keep_session bigint) RETURNS void
LANGUAGE sql VOLATILE SET search_path = pg_catalog, tutti, pg_temp
AS $$
    UPDATE tutti.app_session s SET ended_at = greatest(now(), s.created_at)
     WHERE s.id IN (SELECT o.id FROM tutti.app_session o
                     WHERE o.account_id = end_sessions_quietly.account_id AND o.ended_at IS NULL
                       AND o.id IS DISTINCT FROM end_sessions_quietly.keep_session
                       FOR NO KEY UPDATE SKIP LOCKED)
$$;

-- ---------------------------------------------------------------- the public functions

-- Reads only, in the caller's transaction; two loopback calls on every path (the charge before
-- the password is checked, the outcome after it) and one bcrypt, so that no path is told from
-- another by its trace, its time or the caller's statistics. Every failure writes the same log
-- line (no reason in it: a caller may ask for LOG messages) for fail2ban:
--     tutti: login failure site=<code> identifier=<identifier> client=<address>
CREATE OR REPLACE FUNCTION tutti.login(site_code text, identifier text, password text) RETURNS text
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, tutti, pg_temp
AS $$
DECLARE
    found_site bigint;
    found_account bigint;
    account_role text;
    account_hash text;
    account_active boolean;
    account_changed text;
    may_log_in boolean;
    refusal text;
    charge text;
    password_matches boolean := false;
    outcome text;
    token text;
    client constant text := tutti.client_address();
BEGIN
    BEGIN
        IF login.site_code IS NULL OR login.identifier IS NULL OR login.password IS NULL THEN
            refusal := 'missing credentials';
        ELSE
            SELECT t.id INTO found_site FROM tutti.site t WHERE t.code = upper(login.site_code);
            IF found_site IS NULL THEN
                refusal := 'unknown site';
            ELSE
                SELECT a.id, a.role, a.password_hash, a.active, tutti.instant_text(a.password_changed_at)
                  INTO found_account, account_role, account_hash, account_active, account_changed
                  FROM tutti.account a
                 WHERE a.site_id = found_site AND a.identifier = upper(login.identifier);
                may_log_in := CASE account_role
                                  WHEN 'FAMILY' THEN pg_has_role(session_user, 'tutti_family', 'MEMBER')
                                  WHEN 'STAFF' THEN pg_has_role(session_user, 'tutti_staff', 'MEMBER')
                                  ELSE false
                              END;
                IF found_account IS NULL THEN
                    refusal := 'unknown identifier';
                ELSIF NOT may_log_in THEN
                    -- counts no failure: a family connection must not lock the front desk out
                    refusal := format('%s account refused to database role %s', account_role, session_user);
                END IF;
            END IF;
        END IF;

        PERFORM tutti.loopback_open();
        charge := tutti.loopback_exec(tutti.recorder_call('rec_login_begin',
                                                          CASE WHEN refusal IS NULL THEN found_account::text END));
        IF refusal IS NULL THEN
            password_matches := tutti.bcrypt_matches(login.password, account_hash);
        ELSE
            PERFORM tutti.bcrypt_hash(coalesce(login.password, ''));
        END IF;
        outcome := CASE
                       WHEN refusal IS NOT NULL THEN refusal
                       WHEN charge = 'locked' THEN 'account locked'
                       WHEN NOT account_active THEN 'inactive account'
                       WHEN NOT password_matches THEN 'wrong password'
                       ELSE 'success'
                   END;
        token := tutti.loopback_exec(tutti.recorder_call('rec_login_end', found_site::text, found_account::text,
                                                         outcome, charge, account_changed));
        PERFORM tutti.loopback_close();
    EXCEPTION
        WHEN query_canceled THEN
            PERFORM tutti.loopback_close(); -- a cancelled login leaves no recorder connection behind
            RAISE;
        WHEN OTHERS THEN
            RAISE LOG 'tutti: login could not be recorded: % (SQLSTATE %)', SQLERRM, SQLSTATE;
            PERFORM tutti.loopback_close();
            token := NULL;
    END;
    IF token IS NULL THEN
        RAISE LOG 'tutti: login failure site=% identifier=% client=%',
            tutti.log_text(login.site_code), tutti.log_text(login.identifier), client;
    END IF;
    RETURN token;
END
$$;

-- Callable without a session; the whole request happens in the recorder (rec_password_request).
-- TU429 when the pair (identifier, e-mail) was asked 5 times within the hour.
CREATE OR REPLACE FUNCTION tutti.request_password(identifier text, email text) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, tutti, pg_temp
AS $$
DECLARE
    client constant text := tutti.client_address();
BEGIN
    RAISE LOG 'tutti: password request identifier=% client=%', tutti.log_text(request_password.identifier), client;
    IF tutti.loopback(tutti.recorder_call('rec_password_request', request_password.identifier,
                                          request_password.email, client)) = 'quota' THEN
        RAISE EXCEPTION USING ERRCODE = 'TU429', MESSAGE = 'too many requests';
    END IF;
END
$$;

-- For the bound session's account: checks in the caller's transaction (reads only), the change
-- in the recorder. TU401, TU403 (also when the password changed meanwhile), TU422 as before.
CREATE OR REPLACE FUNCTION tutti.change_password(old_password text, new_password text) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, tutti, pg_temp
AS $$
DECLARE
    live bigint := tutti.bound_session_id();
    acc record;
BEGIN
    IF live IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'TU401', MESSAGE = 'no session';
    END IF;
    SELECT a.id, a.identifier, a.password_hash, tutti.instant_text(a.password_changed_at) AS changed INTO acc
      FROM tutti.app_session s
      JOIN tutti.account a ON a.id = s.account_id
     WHERE s.id = live;
    IF NOT tutti.bcrypt_matches(change_password.old_password, acc.password_hash) THEN
        RAISE EXCEPTION USING ERRCODE = 'TU403', MESSAGE = 'wrong password';
    END IF;
    IF change_password.new_password IS NULL OR char_length(change_password.new_password) < 10 THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'too_short';
    END IF;
    IF upper(change_password.new_password) = upper(acc.identifier) THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'equals_identifier';
    END IF;
    IF EXISTS (SELECT FROM tutti.common_password c WHERE c.password = lower(change_password.new_password)) THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'too_common';
    END IF;
    IF tutti.loopback(tutti.recorder_call('rec_password_change', acc.id::text, live::text,
                                          tutti.bcrypt_hash(change_password.new_password),
                                          acc.changed)) <> 'changed' THEN
        RAISE EXCEPTION USING ERRCODE = 'TU403', MESSAGE = 'wrong password';
    END IF;
END
$$;

-- ---------------------------------------------------------------- decide_change: the target row

-- The request's target row must belong to the request's family, itself of the staff's site: a
-- request forged by any means (another site's student under one's own family) is refused.
CREATE OR REPLACE FUNCTION tutti.decide_change(request_id bigint, accept boolean, comment text, force boolean) RETURNS text
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, tutti, pg_temp
AS $$
DECLARE
    live bigint := tutti.bound_session_id();
    staff_site bigint;
    staff_account bigint;
    req record;
    tgt record;
    current_value text;
    outcome text;
    note text := nullif(btrim(decide_change.comment, E' \t\r\n'), '');
BEGIN
    IF live IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'TU401', MESSAGE = 'no session';
    END IF;
    SELECT a.id, a.site_id INTO staff_account, staff_site
      FROM tutti.app_session s JOIN tutti.account a ON a.id = s.account_id
     WHERE s.id = live AND a.role = 'STAFF';
    IF staff_site IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'TU403', MESSAGE = 'forbidden';
    END IF;
    -- not locked yet: which row it is about (target, target_id and family never change)
    SELECT c.target, c.target_id, c.family_id, f.site_id INTO req
      FROM tutti.change_request c JOIN tutti.family f ON f.id = c.family_id
     WHERE c.id = decide_change.request_id;
    IF NOT FOUND OR req.site_id <> staff_site
       OR req.target NOT IN ('FAMILY', 'STUDENT')
       OR NOT (CASE req.target
                   WHEN 'FAMILY' THEN req.target_id = req.family_id
                   ELSE EXISTS (SELECT FROM tutti.student s WHERE s.id = req.target_id AND s.family_id = req.family_id)
               END) THEN
        RAISE EXCEPTION USING ERRCODE = 'TU403', MESSAGE = 'forbidden';
    END IF;
    IF decide_change.accept IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:accept';
    END IF;
    IF char_length(note) > 1000 THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:comment';
    END IF;
    -- the target row first, then the request: the order submit_changes locks them in
    SELECT * INTO tgt FROM tutti.change_target_row(req.target, req.target_id);
    IF tgt.family_id IS DISTINCT FROM req.family_id THEN
        RAISE EXCEPTION USING ERRCODE = 'TU403', MESSAGE = 'forbidden';
    END IF;
    SELECT c.* INTO req FROM tutti.change_request c WHERE c.id = decide_change.request_id FOR UPDATE;
    IF req.status <> 'PENDING' THEN
        RAISE EXCEPTION USING ERRCODE = 'TU409', MESSAGE = 'already_decided';
    END IF;

    IF decide_change.accept THEN
        current_value := tgt.row_json ->> req.field_name;
        IF current_value IS DISTINCT FROM req.old_value AND NOT coalesce(decide_change.force, false) THEN
            RAISE EXCEPTION USING ERRCODE = 'TU409', MESSAGE = 'conflict';
        END IF;
        IF NOT req.field_name = ANY (tutti.change_fields(req.target)) THEN
            RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'unknown_field:' || req.field_name;
        END IF;
        EXECUTE format('UPDATE tutti.%I SET %I = $1::%s, version = version + 1 WHERE id = $2',
                       lower(req.target), req.field_name,
                       CASE req.field_name WHEN 'birth_date' THEN 'pg_catalog.date' ELSE 'pg_catalog.text' END)
            USING req.new_value, req.target_id;
        outcome := 'ACCEPTED';
    ELSE
        outcome := 'REJECTED';
        PERFORM tutti.queue_family_mail(req.family_id, 'CHANGE_REJECTED', 'modification refusée',
            ARRAY['La modification que vous avez demandée pour ' || tutti.change_subject_of(req.target, tgt.row_json)
                      || ' n''a pas été acceptée :',
                  'Motif : ' || coalesce(note, 'non précisé'),
                  'La valeur enregistrée reste : ' || coalesce(tgt.row_json ->> req.field_name, '(vide)'),
                  'Pour toute question, contactez l''accueil.'],
            ARRAY[tutti.change_field_label(req.field_name) || ' : ' || coalesce(req.new_value, '(vide)')]);
    END IF;
    UPDATE tutti.change_request c
       SET status = outcome, decided_by = staff_account, decided_at = now(), decision_comment = note,
           version = c.version + 1
     WHERE c.id = req.id;
    PERFORM tutti.audit(staff_site, staff_account, 'CHANGE_' || outcome,
                        format('request %s: %s %s %s%s', req.id, req.target, req.target_id, req.field_name,
                               CASE WHEN decide_change.accept AND current_value IS DISTINCT FROM req.old_value
                                    THEN ' (forced over a conflict)' ELSE '' END));
    RETURN outcome;
END
$$;

-- ---------------------------------------------------------------- every function: search_path with pg_temp last

DO $pin$
DECLARE
    r record;
BEGIN
    FOR r IN SELECT p.oid::regprocedure AS routine
               FROM pg_catalog.pg_proc p
              WHERE p.pronamespace = 'tutti'::regnamespace
                AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend d
                                 WHERE d.classid = 'pg_catalog.pg_proc'::regclass AND d.objid = p.oid
                                   AND d.deptype = 'e')
    LOOP
        EXECUTE format('ALTER ROUTINE %s SET search_path = pg_catalog, tutti, pg_temp', r.routine);
    END LOOP;
END
$pin$;

-- ---------------------------------------------------------------- mail outbox

-- The notification carries no id: a family listening on tutti_mail must not tell a matched
-- lost-password request (a mail) from an unmatched one (rec_password_request notifies both).
CREATE OR REPLACE FUNCTION tutti.notify_mail() RETURNS trigger
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, tutti, pg_temp
AS $$
BEGIN
    PERFORM pg_notify('tutti_mail', '');
    RETURN NULL;
END
$$;

-- A secret can be removed, never set or replaced by an UPDATE; it goes when the mail leaves PENDING.
CREATE FUNCTION tutti.guard_mail_secret() RETURNS trigger
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, tutti, pg_temp
AS $$
BEGIN
    IF NEW.secret IS NOT NULL AND NEW.secret IS DISTINCT FROM OLD.secret THEN
        RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege', MESSAGE = 'the secret of a mail cannot be set';
    END IF;
    IF NEW.status <> 'PENDING' THEN
        NEW.secret := NULL;
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER mail_outbox_secret BEFORE UPDATE ON tutti.mail_outbox
    FOR EACH ROW EXECUTE FUNCTION tutti.guard_mail_secret();

REVOKE UPDATE ON tutti.mail_outbox FROM tutti_relay;
GRANT UPDATE (status, attempts, next_attempt_at, last_error, sent_at, secret, version)
    ON tutti.mail_outbox TO tutti_relay;

-- ---------------------------------------------------------------- staff: change requests and accounts

REVOKE INSERT, UPDATE, DELETE ON tutti.change_request FROM tutti_staff;
DROP POLICY change_request_staff ON tutti.change_request;
CREATE POLICY change_request_staff ON tutti.change_request FOR SELECT TO tutti_staff
    USING (family_id IN (SELECT f.id FROM tutti.family f));

-- Staff may change the family accounts of their site (e-mail, display name, active), never a
-- colleague's account, a password, a role or the lock state (the recorder's).
REVOKE UPDATE ON tutti.account FROM tutti_staff;
GRANT UPDATE (email, display_name, active, version) ON tutti.account TO tutti_staff;
DROP POLICY account_staff ON tutti.account;
CREATE POLICY account_staff ON tutti.account FOR SELECT TO tutti_staff
    USING (site_id = (SELECT tutti.current_staff_site()));
CREATE POLICY account_staff_update ON tutti.account FOR UPDATE TO tutti_staff
    USING (site_id = (SELECT tutti.current_staff_site()) AND role = 'FAMILY')
    WITH CHECK (site_id = (SELECT tutti.current_staff_site()) AND role = 'FAMILY');

-- ---------------------------------------------------------------- staff: every foreign key of its site

-- Foreign keys are checked past row-level security; these checks make each reference of a staff
-- write point to a row the staff member sees, that is of its site (school years are shared).
ALTER POLICY discipline_staff ON tutti.discipline
    WITH CHECK (site_id = (SELECT tutti.current_staff_site())
                AND department_id IN (SELECT d.id FROM tutti.department d));

ALTER POLICY course_staff ON tutti.course
    WITH CHECK (site_id = (SELECT tutti.current_staff_site())
                AND discipline_id IN (SELECT d.id FROM tutti.discipline d)
                AND (cycle_id IS NULL OR cycle_id IN (SELECT c.id FROM tutti.cycle c))
                AND teacher_id IN (SELECT t.id FROM tutti.teacher t)
                AND (room_id IS NULL OR room_id IN (SELECT r.id FROM tutti.room r)));

ALTER POLICY evaluation_staff ON tutti.evaluation
    WITH CHECK (enrolment_id IN (SELECT e.id FROM tutti.enrolment e)
                AND teacher_id IN (SELECT t.id FROM tutti.teacher t));

ALTER POLICY reenrolment_choice_staff ON tutti.reenrolment_choice
    WITH CHECK (request_id IN (SELECT r.id FROM tutti.reenrolment_request r)
                AND discipline_id IN (SELECT d.id FROM tutti.discipline d)
                AND (enrolment_id IS NULL OR enrolment_id IN (SELECT e.id FROM tutti.enrolment e)));

ALTER POLICY uploaded_document_staff ON tutti.uploaded_document
    WITH CHECK (request_id IN (SELECT r.id FROM tutti.reenrolment_request r)
                AND document_type_id IN (SELECT d.id FROM tutti.document_type d));

ALTER POLICY invoice_line_staff ON tutti.invoice_line
    WITH CHECK (invoice_id IN (SELECT i.id FROM tutti.invoice i)
                AND (student_id IS NULL OR student_id IN (SELECT s.id FROM tutti.student s)));

ALTER POLICY payment_allocation_staff ON tutti.payment_allocation
    WITH CHECK (payment_id IN (SELECT p.id FROM tutti.payment p)
                AND invoice_id IN (SELECT i.id FROM tutti.invoice i));

ALTER POLICY reenrolment_request_staff ON tutti.reenrolment_request
    WITH CHECK (student_id IN (SELECT s.id FROM tutti.student s)
                AND campaign_id IN (SELECT c.id FROM tutti.reenrolment_campaign c)
                AND submitted_by IN (SELECT a.id FROM tutti.account a)
                AND (decided_by IS NULL OR decided_by IN (SELECT a.id FROM tutti.account a)));

ALTER POLICY rental_staff ON tutti.rental
    WITH CHECK (family_id IN (SELECT f.id FROM tutti.family f)
                AND rental_item_id IN (SELECT r.id FROM tutti.rental_item r)
                AND (student_id IS NULL OR student_id IN (SELECT s.id FROM tutti.student s))
                AND (invoice_id IS NULL OR invoice_id IN (SELECT i.id FROM tutti.invoice i)));

-- ---------------------------------------------------------------- grants of the recorder functions

DO $grants$
BEGIN
    IF EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'tutti_recorder') THEN
        GRANT USAGE ON SCHEMA tutti TO tutti_recorder;
        GRANT EXECUTE ON FUNCTION
            tutti.rec_ping(),
            tutti.rec_login_begin(text),
            tutti.rec_login_end(text, text, text, text, text),
            tutti.rec_password_request(text, text, text),
            tutti.rec_password_change(text, text, text, text)
        TO tutti_recorder;
    END IF;
END
$grants$;
