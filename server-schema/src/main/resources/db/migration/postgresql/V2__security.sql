-- Tutti on PostgreSQL: the database is the security boundary (ADR 0006, SQL-API.md).
--
--   roles        tutti_owner (NOLOGIN BYPASSRLS) owns schema tutti and everything in it;
--                tutti_family, tutti_staff, tutti_relay log in, own nothing, never bypass RLS
--   privileges   nothing for PUBLIC; explicit grants per login role, column lists where a role
--                must not read a column (account.password_hash, teachers' contacts, sites' details)
--   RLS          enabled and forced on every table but site; a row is visible when the session
--                bound by set_config('tutti.session', token, true) may see it
--   functions    login, touch_session, current_account, current_family, current_staff_site,
--                session_info, logout, request_password, change_password: SECURITY DEFINER,
--                owned by tutti_owner, search_path pinned, EXECUTE for the login roles only
--
-- Run by a superuser, or by a user that is a member of tutti_owner once IT created the roles
-- (README, "For IT: installing the database"). Roles are cluster-wide: a second database of
-- the same cluster finds them and only checks them. Later migrations need not care about
-- ownership: the callback afterMigrate.sql hands every new object to tutti_owner, takes EXECUTE
-- on new functions away from PUBLIC and turns RLS on for every new table (deny by default).

-- ---------------------------------------------------------------- roles

DO $roles$
DECLARE
    missing text[] := ARRAY[]::text[];
    r record;
BEGIN
    FOR r IN SELECT * FROM (VALUES ('tutti_owner'), ('tutti_family'), ('tutti_staff'), ('tutti_relay')) AS v (name)
              WHERE NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = v.name)
    LOOP
        missing := missing || r.name;
    END LOOP;
    IF cardinality(missing) > 0 THEN
        BEGIN
            IF 'tutti_owner' = ANY (missing) THEN
                CREATE ROLE tutti_owner NOLOGIN NOINHERIT BYPASSRLS;
            END IF;
            IF 'tutti_family' = ANY (missing) THEN
                CREATE ROLE tutti_family LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
            END IF;
            IF 'tutti_staff' = ANY (missing) THEN
                CREATE ROLE tutti_staff LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
            END IF;
            IF 'tutti_relay' = ANY (missing) THEN
                CREATE ROLE tutti_relay LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
            END IF;
        EXCEPTION WHEN insufficient_privilege THEN
            RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
                MESSAGE = format('the roles %s do not exist and user %s may not create them (%s): a superuser must '
                                 'create them first, see README "For IT: installing the database"',
                                 array_to_string(missing, ', '), current_user, SQLERRM);
        END;
    END IF;

    -- roles created by IT beforehand: check what the security model relies on
    IF NOT (SELECT rolbypassrls AND NOT rolcanlogin FROM pg_catalog.pg_roles WHERE rolname = 'tutti_owner') THEN
        RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
            MESSAGE = 'role tutti_owner must be NOLOGIN BYPASSRLS (ALTER ROLE tutti_owner NOLOGIN BYPASSRLS, as a superuser)';
    END IF;
    FOR r IN SELECT rolname FROM pg_catalog.pg_roles
              WHERE rolname IN ('tutti_family', 'tutti_staff', 'tutti_relay')
                AND (rolsuper OR rolbypassrls OR rolcreaterole
                     OR pg_catalog.pg_has_role(oid, 'tutti_owner', 'MEMBER'))
    LOOP
        RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
            MESSAGE = format('login role %s must not be a superuser, have BYPASSRLS or CREATEROLE, or be a member '
                             'of tutti_owner', r.rolname);
    END LOOP;

    -- the migrating user hands objects to tutti_owner, so it must be a member of it
    IF NOT (SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user)
       AND NOT pg_catalog.pg_has_role(current_user, 'tutti_owner', 'MEMBER') THEN
        BEGIN
            EXECUTE format('GRANT tutti_owner TO %I', current_user);
        EXCEPTION WHEN insufficient_privilege THEN
            RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
                MESSAGE = format('user %s must be a member of role tutti_owner to migrate: as a superuser, '
                                 'GRANT tutti_owner TO %I', current_user, current_user);
        END;
    END IF;
END
$roles$;

-- ---------------------------------------------------------------- pgcrypto and its wrappers

-- pgcrypto is a trusted extension: the database owner may create it. Where it already exists
-- (any schema), it is used there; the wrappers below are the only code that names its schema.
DO $pgcrypto$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_extension WHERE extname = 'pgcrypto') THEN
        CREATE EXTENSION pgcrypto WITH SCHEMA public;
    END IF;
END
$pgcrypto$;

DO $wrappers$
DECLARE
    crypto name := (SELECT n.nspname FROM pg_catalog.pg_extension e
                      JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
                     WHERE e.extname = 'pgcrypto');
BEGIN
    -- A new bcrypt hash ($2a$, cost 10).
    EXECUTE format($f$
        CREATE FUNCTION tutti.bcrypt_hash(password text) RETURNS text
        LANGUAGE sql VOLATILE STRICT SET search_path = pg_catalog, tutti
        AS 'SELECT %1$I.crypt(password, %1$I.gen_salt(''bf'', 10))'
    $f$, crypto);
    -- Whether a password matches a bcrypt hash; false for a NULL or malformed hash. pgcrypto
    -- knows $2a$ only; $2b$ and $2y$ (other bcrypt implementations, which the account table
    -- accepts) compute the same for passwords of up to 72 bytes, so they are read as $2a$.
    EXECUTE format($f$
        CREATE FUNCTION tutti.bcrypt_matches(password text, hash text) RETURNS boolean
        LANGUAGE plpgsql STABLE SET search_path = pg_catalog, tutti
        AS 'DECLARE
                normalized text := CASE WHEN left(hash, 4) IN (''$2b$'', ''$2y$'') THEN ''$2a$'' || substr(hash, 5)
                                        ELSE hash END;
            BEGIN
                RETURN password IS NOT NULL AND hash IS NOT NULL
                       AND %1$I.crypt(password, normalized) = normalized;
            EXCEPTION WHEN external_routine_invocation_exception OR invalid_parameter_value OR data_exception THEN
                RETURN false;
            END'
    $f$, crypto);
    -- Cryptographically strong random bytes.
    EXECUTE format($f$
        CREATE FUNCTION tutti.random_bytes(count integer) RETURNS bytea
        LANGUAGE sql VOLATILE STRICT SET search_path = pg_catalog, tutti
        AS 'SELECT %1$I.gen_random_bytes(count)'
    $f$, crypto);
END
$wrappers$;

-- ---------------------------------------------------------------- internal helpers (no EXECUTE for login roles)

-- The live session bound to this transaction: set_config('tutti.session', token, true) with a
-- token that is known, neither ended nor expired, of an active account whose kind the
-- connected login role may use (a staff token is worthless to tutti_family and vice versa).
CREATE FUNCTION tutti.bound_session_id() RETURNS bigint
LANGUAGE sql STABLE SET search_path = pg_catalog, tutti
AS $$
    SELECT s.id
      FROM tutti.app_session s
      JOIN tutti.account a ON a.id = s.account_id
     WHERE s.token_hash = encode(sha256(convert_to(nullif(current_setting('tutti.session', true), ''), 'UTF8')), 'hex')
       AND s.ended_at IS NULL
       AND s.expires_at > now()
       AND a.active
       AND CASE a.role
               WHEN 'FAMILY' THEN pg_has_role(session_user, 'tutti_family', 'MEMBER')
               WHEN 'STAFF' THEN pg_has_role(session_user, 'tutti_staff', 'MEMBER')
               ELSE false
           END
$$;

CREATE FUNCTION tutti.audit(site_id bigint, account_id bigint, kind text, detail text) RETURNS void
LANGUAGE sql VOLATILE SET search_path = pg_catalog, tutti
AS $$
    INSERT INTO tutti.audit_event (occurred_at, site_id, account_id, kind, detail)
    VALUES (now(), audit.site_id, audit.account_id, audit.kind, left(audit.detail, 4000))
$$;

-- 12 characters out of 56 that nobody confuses (no 0 O o 1 l I), without modulo bias.
CREATE FUNCTION tutti.new_password() RETURNS text
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, tutti
AS $$
DECLARE
    alphabet constant text := 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
    password text := '';
    bytes bytea;
    i integer := 32;
    b integer;
BEGIN
    WHILE char_length(password) < 12 LOOP
        IF i = 32 THEN
            bytes := tutti.random_bytes(32);
            i := 0;
        END IF;
        b := get_byte(bytes, i);
        i := i + 1;
        IF b < 224 THEN -- 224 = 4 × 56
            password := password || substr(alphabet, b % 56 + 1, 1);
        END IF;
    END LOOP;
    RETURN password;
END
$$;

CREATE FUNCTION tutti.html_escape(value text) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, tutti
AS $$
    SELECT replace(replace(replace(replace(replace(coalesce(value, ''),
           '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;'), '''', '&#39;')
$$;

-- ---------------------------------------------------------------- session functions

CREATE FUNCTION tutti.current_account() RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, tutti
AS $$
    SELECT s.account_id FROM tutti.app_session s WHERE s.id = tutti.bound_session_id()
$$;

CREATE FUNCTION tutti.current_family() RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, tutti
AS $$
    SELECT a.family_id
      FROM tutti.app_session s
      JOIN tutti.account a ON a.id = s.account_id
     WHERE s.id = tutti.bound_session_id() AND a.role = 'FAMILY'
$$;

CREATE FUNCTION tutti.current_staff_site() RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, tutti
AS $$
    SELECT a.site_id
      FROM tutti.app_session s
      JOIN tutti.account a ON a.id = s.account_id
     WHERE s.id = tutti.bound_session_id() AND a.role = 'STAFF'
$$;

CREATE FUNCTION tutti.session_info()
RETURNS TABLE (account_id bigint, role varchar, site_code varchar, site_name varchar, identifier varchar,
               display_name varchar, family_id bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, tutti
AS $$
    SELECT a.id, a.role, t.code, t.name, a.identifier, a.display_name, a.family_id
      FROM tutti.app_session s
      JOIN tutti.account a ON a.id = s.account_id
      JOIN tutti.site t ON t.id = a.site_id
     WHERE s.id = tutti.bound_session_id()
$$;

CREATE FUNCTION tutti.touch_session() RETURNS boolean
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, tutti
AS $$
DECLARE
    live bigint := tutti.bound_session_id();
BEGIN
    IF live IS NULL THEN
        RETURN false;
    END IF;
    UPDATE tutti.app_session
       SET last_seen_at = now(), expires_at = greatest(expires_at, now() + interval '30 minutes')
     WHERE id = live;
    RETURN true;
END
$$;

CREATE FUNCTION tutti.logout() RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, tutti
AS $$
DECLARE
    live bigint := tutti.bound_session_id();
    ended_account bigint;
    ended_site bigint;
BEGIN
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

-- ---------------------------------------------------------------- login

-- Every failure returns NULL and never raises: an exception would roll back the failure count.
-- As tutti_family only FAMILY accounts log in, as tutti_staff only STAFF accounts; an account of
-- the other kind is refused before its password is looked at, and counts no failure (a family
-- connection must not be able to lock the front desk out). 5 wrong passwords within 15 minutes
-- lock the account for 15 minutes. Every path computes one bcrypt, so that timing tells nothing.
CREATE FUNCTION tutti.login(site_code text, identifier text, password text) RETURNS text
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, tutti
AS $$
DECLARE
    max_failures constant integer := 5;
    failure_window constant interval := interval '15 minutes';
    lock_duration constant interval := interval '15 minutes';
    idle_timeout constant interval := interval '30 minutes';
    found_site bigint;
    acc record;
    account_found boolean := false;
    may_log_in boolean;
    password_matches boolean;
    failures integer;
    token text;
BEGIN
    BEGIN
        IF login.site_code IS NULL OR login.identifier IS NULL OR login.password IS NULL THEN
            PERFORM tutti.bcrypt_hash(coalesce(login.password, ''));
            PERFORM tutti.audit(NULL, NULL, 'LOGIN_FAILURE', 'missing credentials');
            RETURN NULL;
        END IF;

        SELECT t.id INTO found_site FROM tutti.site t WHERE t.code = upper(login.site_code);
        IF found_site IS NOT NULL THEN
            SELECT a.id, a.role, a.password_hash, a.active, a.failed_attempts, a.first_failure_at, a.locked_until
              INTO acc
              FROM tutti.account a
             WHERE a.site_id = found_site AND a.identifier = upper(login.identifier)
               FOR UPDATE;
            account_found := FOUND;
        END IF;
        IF NOT account_found THEN
            PERFORM tutti.bcrypt_hash(login.password);
            PERFORM tutti.audit(found_site, NULL, 'LOGIN_FAILURE',
                                CASE WHEN found_site IS NULL THEN 'unknown site' ELSE 'unknown identifier' END);
            RETURN NULL;
        END IF;

        may_log_in := CASE acc.role
                          WHEN 'FAMILY' THEN pg_has_role(session_user, 'tutti_family', 'MEMBER')
                          WHEN 'STAFF' THEN pg_has_role(session_user, 'tutti_staff', 'MEMBER')
                          ELSE false
                      END;
        IF NOT may_log_in THEN
            PERFORM tutti.bcrypt_hash(login.password);
            PERFORM tutti.audit(found_site, acc.id, 'LOGIN_FAILURE',
                                format('%s account refused to database role %s', acc.role, session_user));
            RETURN NULL;
        END IF;

        password_matches := tutti.bcrypt_matches(login.password, acc.password_hash);
        IF acc.locked_until IS NOT NULL AND acc.locked_until > now() THEN
            PERFORM tutti.audit(found_site, acc.id, 'LOGIN_FAILURE', 'account locked');
            RETURN NULL;
        END IF;
        IF NOT acc.active THEN
            PERFORM tutti.audit(found_site, acc.id, 'LOGIN_FAILURE', 'inactive account');
            RETURN NULL;
        END IF;
        IF NOT password_matches THEN
            IF acc.first_failure_at IS NULL OR acc.first_failure_at <= now() - failure_window THEN
                failures := 1;
                acc.first_failure_at := now();
            ELSE
                failures := acc.failed_attempts + 1;
            END IF;
            PERFORM tutti.audit(found_site, acc.id, 'LOGIN_FAILURE',
                                format('wrong password (%s of %s)', failures, max_failures));
            IF failures >= max_failures THEN
                UPDATE tutti.account a
                   SET failed_attempts = 0, first_failure_at = NULL, locked_until = now() + lock_duration
                 WHERE a.id = acc.id;
                PERFORM tutti.audit(found_site, acc.id, 'ACCOUNT_LOCKED',
                                    format('%s wrong passwords; locked until %s', max_failures, now() + lock_duration));
            ELSE
                UPDATE tutti.account a
                   SET failed_attempts = failures, first_failure_at = acc.first_failure_at
                 WHERE a.id = acc.id;
            END IF;
            RETURN NULL;
        END IF;

        UPDATE tutti.account a SET failed_attempts = 0, first_failure_at = NULL, locked_until = NULL
         WHERE a.id = acc.id;
        token := encode(tutti.random_bytes(32), 'hex');
        INSERT INTO tutti.app_session (account_id, token_hash, created_at, last_seen_at, expires_at)
        VALUES (acc.id, encode(sha256(convert_to(token, 'UTF8')), 'hex'), now(), now(), now() + idle_timeout);
        PERFORM tutti.audit(found_site, acc.id, 'LOGIN_SUCCESS', NULL);
        RETURN token;
    EXCEPTION WHEN OTHERS THEN
        -- nothing of the attempt survives but this row; the server log keeps the reason
        RAISE LOG 'tutti.login failed internally: % (SQLSTATE %)', SQLERRM, SQLSTATE;
        PERFORM tutti.audit(NULL, NULL, 'LOGIN_FAILURE', 'internal error ' || SQLSTATE);
        RETURN NULL;
    END;
END
$$;

-- ---------------------------------------------------------------- passwords

-- Callable without a session. Same answer, about the same time (one bcrypt), whether or not the
-- pair (identifier, e-mail) matches. More than 5 requests for one identifier within an hour raise
-- TU429 before anything is done.
CREATE FUNCTION tutti.request_password(identifier text, email text) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, tutti
AS $$
DECLARE
    max_requests constant integer := 5;
    request_window constant interval := interval '1 hour';
    request_key constant text := left(upper(coalesce(request_password.identifier, '')), 100);
    m record;
    matched boolean := false;
    new_password text;
    subject text;
    address text;
    body_text text;
    body_html text;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended('tutti.request_password ' || request_key, 0));
    IF (SELECT count(*) FROM tutti.audit_event e
         WHERE e.kind IN ('PASSWORD_RESET', 'PASSWORD_REQUEST_UNMATCHED')
           AND e.detail = request_key
           AND e.occurred_at > now() - request_window) >= max_requests THEN
        RAISE EXCEPTION USING ERRCODE = 'TU429', MESSAGE = 'too many requests';
    END IF;

    FOR m IN SELECT a.id, a.identifier, a.email, t.id AS site_id, t.code AS site_code, t.name AS site_name,
                    t.address1, t.address2, t.postal_code, t.city, t.phone, t.email AS site_email
               FROM tutti.account a
               JOIN tutti.site t ON t.id = a.site_id
              WHERE request_password.identifier IS NOT NULL AND request_password.email IS NOT NULL
                AND a.identifier = request_key
                AND lower(a.email) = lower(request_password.email)
                AND a.active
              ORDER BY a.id
                FOR UPDATE OF a
    LOOP
        matched := true;
        new_password := tutti.new_password();
        UPDATE tutti.account a
           SET password_hash = tutti.bcrypt_hash(new_password), password_changed_at = now(),
               failed_attempts = 0, first_failure_at = NULL, locked_until = NULL, version = a.version + 1
         WHERE a.id = m.id;
        UPDATE tutti.app_session s SET ended_at = greatest(now(), s.created_at)
         WHERE s.account_id = m.id AND s.ended_at IS NULL;

        subject := m.site_name || ' — votre nouveau mot de passe';
        address := concat_ws(E'\n', m.site_name, m.address1, m.address2, m.postal_code || ' ' || m.city,
                             'Tél. ' || m.phone, m.site_email);
        body_text := 'Bonjour,' || E'\n\n'
            || 'Vous avez demandé un nouveau mot de passe pour votre compte Tutti (' || m.site_name || ').' || E'\n\n'
            || 'Identifiant : ' || m.identifier || E'\n'
            || 'Nouveau mot de passe : ' || new_password || E'\n\n'
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
            || '<tr><td>Nouveau mot de passe&nbsp;:</td><td><strong><code>' || tutti.html_escape(new_password)
            || '</code></strong></td></tr>' || E'\n'
            || '</table>' || E'\n'
            || '<p>Votre ancien mot de passe ne fonctionne plus. Pour vous connecter, ouvrez Tutti, choisissez «&nbsp;'
            || tutti.html_escape(m.site_name) || '&nbsp;», puis saisissez votre identifiant et ce mot de passe. '
            || 'Vous pourrez ensuite choisir votre propre mot de passe (10 caractères au moins).</p>' || E'\n'
            || '<p>Si vous n''êtes pas à l''origine de cette demande, prévenez l''accueil.</p>' || E'\n'
            || '<p>Cordialement,</p>' || E'\n'
            || '<p>' || replace(tutti.html_escape(address), E'\n', '<br>' || E'\n') || '</p>' || E'\n'
            || '</body></html>' || E'\n';
        INSERT INTO tutti.mail_outbox (site_id, kind, recipient, subject, body_text, body_html, contains_secret,
                                       status, attempts, next_attempt_at, created_at)
        VALUES (m.site_id, 'PASSWORD_RESET', m.email, subject, body_text, body_html, true,
                'PENDING', 0, now(), now());
        PERFORM tutti.audit(m.site_id, m.id, 'PASSWORD_RESET', request_key);
    END LOOP;

    IF NOT matched THEN
        PERFORM tutti.bcrypt_hash(tutti.new_password()); -- the same work as a reset
        PERFORM tutti.audit(NULL, NULL, 'PASSWORD_REQUEST_UNMATCHED', request_key);
    END IF;
END
$$;

-- For the bound session's account. TU401 without a session, TU403 for a wrong current password,
-- TU422 'too_short' under 10 characters, TU422 'equals_identifier'; checked in this order.
CREATE FUNCTION tutti.change_password(old_password text, new_password text) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, tutti
AS $$
DECLARE
    live bigint := tutti.bound_session_id();
    acc record;
BEGIN
    IF live IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'TU401', MESSAGE = 'no session';
    END IF;
    SELECT a.id, a.site_id, a.identifier, a.password_hash INTO acc
      FROM tutti.app_session s
      JOIN tutti.account a ON a.id = s.account_id
     WHERE s.id = live
       FOR UPDATE OF a;
    IF NOT tutti.bcrypt_matches(change_password.old_password, acc.password_hash) THEN
        RAISE EXCEPTION USING ERRCODE = 'TU403', MESSAGE = 'wrong password';
    END IF;
    IF change_password.new_password IS NULL OR char_length(change_password.new_password) < 10 THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'too_short';
    END IF;
    IF upper(change_password.new_password) = upper(acc.identifier) THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'equals_identifier';
    END IF;
    UPDATE tutti.account a
       SET password_hash = tutti.bcrypt_hash(change_password.new_password), password_changed_at = now(),
           version = a.version + 1
     WHERE a.id = acc.id;
    PERFORM tutti.audit(acc.site_id, acc.id, 'PASSWORD_CHANGED', NULL);
END
$$;

-- ---------------------------------------------------------------- privileges

REVOKE ALL ON SCHEMA tutti FROM PUBLIC;
REVOKE ALL ON ALL TABLES IN SCHEMA tutti FROM PUBLIC;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA tutti FROM PUBLIC;
-- functions: claim_ownership() below takes EXECUTE away from PUBLIC
GRANT USAGE ON SCHEMA tutti TO tutti_family, tutti_staff, tutti_relay;

GRANT EXECUTE ON FUNCTION
    tutti.login(text, text, text),
    tutti.touch_session(),
    tutti.current_account(),
    tutti.current_family(),
    tutti.current_staff_site(),
    tutti.session_info(),
    tutti.logout(),
    tutti.request_password(text, text),
    tutti.change_password(text, text)
TO tutti_family, tutti_staff;

-- Everybody, even without a session (the login window): which sites there are.
GRANT SELECT (id, code, name) ON tutti.site TO tutti_family, tutti_staff;

-- Families read; their changes go through SECURITY DEFINER functions (change requests).
GRANT SELECT ON
    tutti.school_year, tutti.department, tutti.discipline, tutti.cycle, tutti.room,
    tutti.family, tutti.student, tutti.change_request,
    tutti.course, tutti.enrolment, tutti.evaluation, tutti.absence, tutti.musical_event, tutti.event_participation,
    tutti.reenrolment_campaign, tutti.document_type, tutti.reenrolment_request, tutti.reenrolment_choice,
    tutti.uploaded_document,
    tutti.invoice, tutti.invoice_line, tutti.payment, tutti.payment_allocation, tutti.rental_item, tutti.rental
TO tutti_family;
GRANT SELECT (id, site_id, last_name, first_name) ON tutti.teacher TO tutti_family;

-- The front desk reads and changes its site's rows (RLS keeps it to its site). Never TRUNCATE:
-- it ignores row-level security.
GRANT SELECT ON tutti.school_year TO tutti_staff;
GRANT SELECT, INSERT, UPDATE, DELETE ON
    tutti.department, tutti.discipline, tutti.cycle, tutti.teacher, tutti.room,
    tutti.family, tutti.student, tutti.change_request,
    tutti.course, tutti.enrolment, tutti.evaluation, tutti.absence, tutti.musical_event, tutti.event_participation,
    tutti.reenrolment_campaign, tutti.document_type, tutti.reenrolment_request, tutti.reenrolment_choice,
    tutti.uploaded_document,
    tutti.invoice, tutti.invoice_line, tutti.payment, tutti.payment_allocation, tutti.rental_item, tutti.rental
TO tutti_staff;
GRANT UPDATE (email, display_name, active, failed_attempts, first_failure_at, locked_until, version)
    ON tutti.account TO tutti_staff;

-- Accounts without their password hash.
GRANT SELECT (id, site_id, identifier, email, role, family_id, display_name, active, failed_attempts,
              first_failure_at, locked_until, password_changed_at, created_at, version)
    ON tutti.account TO tutti_family, tutti_staff;

-- The mail relay: the outbox, nothing else.
GRANT SELECT, UPDATE ON tutti.mail_outbox TO tutti_relay;

-- ---------------------------------------------------------------- row-level security

ALTER TABLE tutti.school_year          ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE tutti.department           ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE tutti.discipline           ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE tutti.cycle                ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE tutti.teacher              ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE tutti.room                 ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE tutti.family               ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE tutti.student              ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE tutti.account              ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE tutti.app_session          ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE tutti.change_request       ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE tutti.course               ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE tutti.enrolment            ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE tutti.evaluation           ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE tutti.absence              ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE tutti.musical_event        ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE tutti.event_participation  ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE tutti.reenrolment_campaign ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE tutti.document_type        ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE tutti.reenrolment_request  ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE tutti.reenrolment_choice   ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE tutti.uploaded_document    ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE tutti.invoice              ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE tutti.invoice_line         ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE tutti.payment              ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE tutti.payment_allocation   ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE tutti.rental_item          ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE tutti.rental               ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE tutti.mail_outbox          ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE tutti.audit_event          ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
-- tutti.site has no RLS: its public columns (id, code, name) are all a login role may read.
-- tutti.app_session and tutti.audit_event have no policy: only SECURITY DEFINER functions reach them.

-- Conventions. Session values are wrapped in scalar subqueries, so that each is computed once per
-- statement. A child table's policy says "its parent row is visible to you": the parent's own
-- policy decides, for families and staff alike. The family's site is
--     (SELECT f.site_id FROM tutti.family f WHERE f.id = (SELECT tutti.current_family()))
-- Families get SELECT policies only; staff get FOR ALL with the same test on new rows.

-- reference data
CREATE POLICY school_year_family ON tutti.school_year FOR SELECT TO tutti_family
    USING ((SELECT tutti.current_family()) IS NOT NULL);
CREATE POLICY school_year_staff ON tutti.school_year FOR SELECT TO tutti_staff
    USING ((SELECT tutti.current_staff_site()) IS NOT NULL);

CREATE POLICY department_family ON tutti.department FOR SELECT TO tutti_family
    USING (site_id = (SELECT f.site_id FROM tutti.family f WHERE f.id = (SELECT tutti.current_family())));
CREATE POLICY department_staff ON tutti.department FOR ALL TO tutti_staff
    USING (site_id = (SELECT tutti.current_staff_site()))
    WITH CHECK (site_id = (SELECT tutti.current_staff_site()));

CREATE POLICY discipline_family ON tutti.discipline FOR SELECT TO tutti_family
    USING (site_id = (SELECT f.site_id FROM tutti.family f WHERE f.id = (SELECT tutti.current_family())));
CREATE POLICY discipline_staff ON tutti.discipline FOR ALL TO tutti_staff
    USING (site_id = (SELECT tutti.current_staff_site()))
    WITH CHECK (site_id = (SELECT tutti.current_staff_site()));

CREATE POLICY cycle_family ON tutti.cycle FOR SELECT TO tutti_family
    USING (site_id = (SELECT f.site_id FROM tutti.family f WHERE f.id = (SELECT tutti.current_family())));
CREATE POLICY cycle_staff ON tutti.cycle FOR ALL TO tutti_staff
    USING (site_id = (SELECT tutti.current_staff_site()))
    WITH CHECK (site_id = (SELECT tutti.current_staff_site()));

CREATE POLICY teacher_family ON tutti.teacher FOR SELECT TO tutti_family
    USING (site_id = (SELECT f.site_id FROM tutti.family f WHERE f.id = (SELECT tutti.current_family())));
CREATE POLICY teacher_staff ON tutti.teacher FOR ALL TO tutti_staff
    USING (site_id = (SELECT tutti.current_staff_site()))
    WITH CHECK (site_id = (SELECT tutti.current_staff_site()));

CREATE POLICY room_family ON tutti.room FOR SELECT TO tutti_family
    USING (site_id = (SELECT f.site_id FROM tutti.family f WHERE f.id = (SELECT tutti.current_family())));
CREATE POLICY room_staff ON tutti.room FOR ALL TO tutti_staff
    USING (site_id = (SELECT tutti.current_staff_site()))
    WITH CHECK (site_id = (SELECT tutti.current_staff_site()));

CREATE POLICY course_family ON tutti.course FOR SELECT TO tutti_family
    USING (site_id = (SELECT f.site_id FROM tutti.family f WHERE f.id = (SELECT tutti.current_family())));
CREATE POLICY course_staff ON tutti.course FOR ALL TO tutti_staff
    USING (site_id = (SELECT tutti.current_staff_site()))
    WITH CHECK (site_id = (SELECT tutti.current_staff_site()));

CREATE POLICY musical_event_family ON tutti.musical_event FOR SELECT TO tutti_family
    USING (site_id = (SELECT f.site_id FROM tutti.family f WHERE f.id = (SELECT tutti.current_family())));
CREATE POLICY musical_event_staff ON tutti.musical_event FOR ALL TO tutti_staff
    USING (site_id = (SELECT tutti.current_staff_site()))
    WITH CHECK (site_id = (SELECT tutti.current_staff_site()));

CREATE POLICY reenrolment_campaign_family ON tutti.reenrolment_campaign FOR SELECT TO tutti_family
    USING (site_id = (SELECT f.site_id FROM tutti.family f WHERE f.id = (SELECT tutti.current_family())));
CREATE POLICY reenrolment_campaign_staff ON tutti.reenrolment_campaign FOR ALL TO tutti_staff
    USING (site_id = (SELECT tutti.current_staff_site()))
    WITH CHECK (site_id = (SELECT tutti.current_staff_site()));

CREATE POLICY document_type_family ON tutti.document_type FOR SELECT TO tutti_family
    USING (campaign_id IN (SELECT c.id FROM tutti.reenrolment_campaign c));
CREATE POLICY document_type_staff ON tutti.document_type FOR ALL TO tutti_staff
    USING (campaign_id IN (SELECT c.id FROM tutti.reenrolment_campaign c))
    WITH CHECK (campaign_id IN (SELECT c.id FROM tutti.reenrolment_campaign c));

-- families, students, accounts
CREATE POLICY family_family ON tutti.family FOR SELECT TO tutti_family
    USING (id = (SELECT tutti.current_family()));
CREATE POLICY family_staff ON tutti.family FOR ALL TO tutti_staff
    USING (site_id = (SELECT tutti.current_staff_site()))
    WITH CHECK (site_id = (SELECT tutti.current_staff_site()));

CREATE POLICY student_family ON tutti.student FOR SELECT TO tutti_family
    USING (family_id = (SELECT tutti.current_family()));
CREATE POLICY student_staff ON tutti.student FOR ALL TO tutti_staff
    USING (family_id IN (SELECT f.id FROM tutti.family f))
    WITH CHECK (family_id IN (SELECT f.id FROM tutti.family f));

CREATE POLICY account_family ON tutti.account FOR SELECT TO tutti_family
    USING (id = (SELECT tutti.current_account()) AND family_id = (SELECT tutti.current_family()));
CREATE POLICY account_staff ON tutti.account FOR ALL TO tutti_staff
    USING (site_id = (SELECT tutti.current_staff_site()))
    WITH CHECK (site_id = (SELECT tutti.current_staff_site()));

CREATE POLICY change_request_family ON tutti.change_request FOR SELECT TO tutti_family
    USING (family_id = (SELECT tutti.current_family()));
CREATE POLICY change_request_staff ON tutti.change_request FOR ALL TO tutti_staff
    USING (family_id IN (SELECT f.id FROM tutti.family f))
    WITH CHECK (family_id IN (SELECT f.id FROM tutti.family f));

-- pedagogical follow-up: visible with the student
CREATE POLICY enrolment_family ON tutti.enrolment FOR SELECT TO tutti_family
    USING (student_id IN (SELECT s.id FROM tutti.student s));
CREATE POLICY enrolment_staff ON tutti.enrolment FOR ALL TO tutti_staff
    USING (student_id IN (SELECT s.id FROM tutti.student s))
    WITH CHECK (student_id IN (SELECT s.id FROM tutti.student s) AND course_id IN (SELECT c.id FROM tutti.course c));

CREATE POLICY evaluation_family ON tutti.evaluation FOR SELECT TO tutti_family
    USING (enrolment_id IN (SELECT e.id FROM tutti.enrolment e));
CREATE POLICY evaluation_staff ON tutti.evaluation FOR ALL TO tutti_staff
    USING (enrolment_id IN (SELECT e.id FROM tutti.enrolment e))
    WITH CHECK (enrolment_id IN (SELECT e.id FROM tutti.enrolment e));

CREATE POLICY absence_family ON tutti.absence FOR SELECT TO tutti_family
    USING (enrolment_id IN (SELECT e.id FROM tutti.enrolment e));
CREATE POLICY absence_staff ON tutti.absence FOR ALL TO tutti_staff
    USING (enrolment_id IN (SELECT e.id FROM tutti.enrolment e))
    WITH CHECK (enrolment_id IN (SELECT e.id FROM tutti.enrolment e));

CREATE POLICY event_participation_family ON tutti.event_participation FOR SELECT TO tutti_family
    USING (student_id IN (SELECT s.id FROM tutti.student s));
CREATE POLICY event_participation_staff ON tutti.event_participation FOR ALL TO tutti_staff
    USING (student_id IN (SELECT s.id FROM tutti.student s))
    WITH CHECK (student_id IN (SELECT s.id FROM tutti.student s) AND event_id IN (SELECT m.id FROM tutti.musical_event m));

-- re-enrolment
CREATE POLICY reenrolment_request_family ON tutti.reenrolment_request FOR SELECT TO tutti_family
    USING (student_id IN (SELECT s.id FROM tutti.student s));
CREATE POLICY reenrolment_request_staff ON tutti.reenrolment_request FOR ALL TO tutti_staff
    USING (student_id IN (SELECT s.id FROM tutti.student s))
    WITH CHECK (student_id IN (SELECT s.id FROM tutti.student s)
                AND campaign_id IN (SELECT c.id FROM tutti.reenrolment_campaign c));

CREATE POLICY reenrolment_choice_family ON tutti.reenrolment_choice FOR SELECT TO tutti_family
    USING (request_id IN (SELECT r.id FROM tutti.reenrolment_request r));
CREATE POLICY reenrolment_choice_staff ON tutti.reenrolment_choice FOR ALL TO tutti_staff
    USING (request_id IN (SELECT r.id FROM tutti.reenrolment_request r))
    WITH CHECK (request_id IN (SELECT r.id FROM tutti.reenrolment_request r));

CREATE POLICY uploaded_document_family ON tutti.uploaded_document FOR SELECT TO tutti_family
    USING (request_id IN (SELECT r.id FROM tutti.reenrolment_request r));
CREATE POLICY uploaded_document_staff ON tutti.uploaded_document FOR ALL TO tutti_staff
    USING (request_id IN (SELECT r.id FROM tutti.reenrolment_request r))
    WITH CHECK (request_id IN (SELECT r.id FROM tutti.reenrolment_request r));

-- billing and rentals
CREATE POLICY invoice_family ON tutti.invoice FOR SELECT TO tutti_family
    USING (family_id = (SELECT tutti.current_family()));
CREATE POLICY invoice_staff ON tutti.invoice FOR ALL TO tutti_staff
    USING (site_id = (SELECT tutti.current_staff_site()))
    WITH CHECK (site_id = (SELECT tutti.current_staff_site()) AND family_id IN (SELECT f.id FROM tutti.family f));

CREATE POLICY invoice_line_family ON tutti.invoice_line FOR SELECT TO tutti_family
    USING (invoice_id IN (SELECT i.id FROM tutti.invoice i));
CREATE POLICY invoice_line_staff ON tutti.invoice_line FOR ALL TO tutti_staff
    USING (invoice_id IN (SELECT i.id FROM tutti.invoice i))
    WITH CHECK (invoice_id IN (SELECT i.id FROM tutti.invoice i));

CREATE POLICY payment_family ON tutti.payment FOR SELECT TO tutti_family
    USING (family_id = (SELECT tutti.current_family()));
CREATE POLICY payment_staff ON tutti.payment FOR ALL TO tutti_staff
    USING (site_id = (SELECT tutti.current_staff_site()))
    WITH CHECK (site_id = (SELECT tutti.current_staff_site()) AND family_id IN (SELECT f.id FROM tutti.family f));

CREATE POLICY payment_allocation_family ON tutti.payment_allocation FOR SELECT TO tutti_family
    USING (payment_id IN (SELECT p.id FROM tutti.payment p));
CREATE POLICY payment_allocation_staff ON tutti.payment_allocation FOR ALL TO tutti_staff
    USING (payment_id IN (SELECT p.id FROM tutti.payment p))
    WITH CHECK (payment_id IN (SELECT p.id FROM tutti.payment p) AND invoice_id IN (SELECT i.id FROM tutti.invoice i));

CREATE POLICY rental_family ON tutti.rental FOR SELECT TO tutti_family
    USING (family_id = (SELECT tutti.current_family()));
CREATE POLICY rental_staff ON tutti.rental FOR ALL TO tutti_staff
    USING (family_id IN (SELECT f.id FROM tutti.family f))
    WITH CHECK (family_id IN (SELECT f.id FROM tutti.family f) AND rental_item_id IN (SELECT r.id FROM tutti.rental_item r));

-- a family sees the items it rents, not the site's inventory
CREATE POLICY rental_item_family ON tutti.rental_item FOR SELECT TO tutti_family
    USING (id IN (SELECT r.rental_item_id FROM tutti.rental r));
CREATE POLICY rental_item_staff ON tutti.rental_item FOR ALL TO tutti_staff
    USING (site_id = (SELECT tutti.current_staff_site()))
    WITH CHECK (site_id = (SELECT tutti.current_staff_site()));

-- the relay works on the whole outbox (its grants: SELECT and UPDATE)
CREATE POLICY mail_outbox_relay ON tutti.mail_outbox FOR ALL TO tutti_relay
    USING (true) WITH CHECK (true);

-- ---------------------------------------------------------------- ownership

-- Hands everything of schema tutti but Flyway's history to tutti_owner, takes EXECUTE away from PUBLIC on every
-- function, and turns RLS on (deny by default) for every table but the public site list and
-- Flyway's history. Run by this migration and, after every migrate, by afterMigrate.sql, so
-- that later migrations cannot leave an object behind. Runs as the migrating user (a member
-- of tutti_owner or a superuser): no SECURITY DEFINER.
CREATE FUNCTION tutti.claim_ownership() RETURNS void
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, tutti
AS $$
DECLARE
    schema_oid constant oid := 'tutti'::regnamespace;
    owner_oid constant oid := 'tutti_owner'::regrole;
    r record;
BEGIN
    IF (SELECT nspowner FROM pg_namespace WHERE oid = schema_oid) <> owner_oid THEN
        ALTER SCHEMA tutti OWNER TO tutti_owner;
    END IF;

    -- tables (with their indexes and identity sequences), views, standalone sequences; not
    -- Flyway's history, which Flyway holds locked while it migrates (it stays the migrating
    -- user's: no login role has any right on it)
    FOR r IN SELECT c.oid::regclass AS object, c.relkind
               FROM pg_class c
              WHERE c.relnamespace = schema_oid
                AND c.relowner <> owner_oid
                AND c.relname NOT IN ('flyway_schema_history', 'flyway_schema_history_pk', 'flyway_schema_history_s_idx')
                AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
                AND NOT EXISTS (SELECT FROM pg_depend d
                                 WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                                   AND d.deptype IN ('a', 'i', 'e'))
    LOOP
        EXECUTE format('ALTER %s %s OWNER TO tutti_owner',
                       CASE r.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW'
                                      WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE'
                                      ELSE 'TABLE' END,
                       r.object);
    END LOOP;

    -- Flyway's history stays its creator's; tutti_owner (and so every member of it that
    -- migrates, seeds or reads later) may use it
    IF to_regclass('tutti.flyway_schema_history') IS NOT NULL THEN
        GRANT SELECT, INSERT, UPDATE, DELETE ON tutti.flyway_schema_history TO tutti_owner;
    END IF;

    -- functions and procedures (extension members excepted)
    FOR r IN SELECT p.oid::regprocedure AS object, p.proowner
               FROM pg_proc p
              WHERE p.pronamespace = schema_oid
                AND NOT EXISTS (SELECT FROM pg_depend d
                                 WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
    LOOP
        IF r.proowner <> owner_oid THEN
            EXECUTE format('ALTER ROUTINE %s OWNER TO tutti_owner', r.object);
        END IF;
        EXECUTE format('REVOKE EXECUTE ON ROUTINE %s FROM PUBLIC', r.object);
    END LOOP;

    -- standalone types (enums, domains, ranges, composite types)
    FOR r IN SELECT t.oid::regtype AS object
               FROM pg_type t
              WHERE t.typnamespace = schema_oid
                AND t.typowner <> owner_oid
                AND t.typtype IN ('e', 'd', 'r', 'c')
                AND (t.typrelid = 0 OR (SELECT c.relkind FROM pg_class c WHERE c.oid = t.typrelid) = 'c')
                AND NOT EXISTS (SELECT FROM pg_depend d
                                 WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e')
    LOOP
        EXECUTE format('ALTER TYPE %s OWNER TO tutti_owner', r.object);
    END LOOP;

    -- deny by default
    FOR r IN SELECT c.oid::regclass AS object
               FROM pg_class c
              WHERE c.relnamespace = schema_oid
                AND c.relkind IN ('r', 'p')
                AND c.relname NOT IN ('site', 'flyway_schema_history')
                AND NOT (c.relrowsecurity AND c.relforcerowsecurity)
    LOOP
        EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY', r.object);
    END LOOP;
END
$$;

SELECT tutti.claim_ownership();

-- Functions that a later migration creates while SET ROLE tutti_owner are not PUBLIC's either.
ALTER DEFAULT PRIVILEGES FOR ROLE tutti_owner REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
