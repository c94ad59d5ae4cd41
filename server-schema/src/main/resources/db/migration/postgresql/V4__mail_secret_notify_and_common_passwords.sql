-- Issue 4 on PostgreSQL (SQL-API.md, "Mail outbox"); common/V3 added mail_outbox.secret and
-- tutti.common_password.
--
--   request_password   the new password goes to mail_outbox.secret, the bodies hold {{secret}}
--   change_password    refuses the common passwords: TU422 'too_common', after the other checks
--   tutti_mail         every new outbox row is announced by pg_notify('tutti_mail', id) to the relay
--
-- CREATE OR REPLACE keeps each function's owner (tutti_owner), its SECURITY DEFINER and its grants.
-- The afterMigrate callback hands the new objects (common_password, notify_mail) to tutti_owner,
-- forces row-level security on common_password and takes EXECUTE away from PUBLIC; no login role
-- gets any right on common_password. tutti_relay keeps SELECT and UPDATE on the whole of
-- mail_outbox (table-level grants of V2 cover the new column) and nothing else.

-- ---------------------------------------------------------------- passwords

-- Callable without a session. Same answer, about the same time (one bcrypt), whether or not the
-- pair (identifier, e-mail) matches. More than 5 requests for one identifier within an hour raise
-- TU429 before anything is done. The new password goes to mail_outbox.secret; the bodies hold the
-- placeholder {{secret}} where the relay puts it (SQL-API.md, "Mail outbox").
CREATE OR REPLACE FUNCTION tutti.request_password(identifier text, email text) RETURNS void
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
END
$$;

-- For the bound session's account. TU401 without a session, TU403 for a wrong current password,
-- TU422 'too_short' under 10 characters, TU422 'equals_identifier', TU422 'too_common' for one of the
-- 10,000 most common passwords (tutti.common_password, lower-case); checked in this order.
CREATE OR REPLACE FUNCTION tutti.change_password(old_password text, new_password text) RETURNS void
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
    IF EXISTS (SELECT FROM tutti.common_password c WHERE c.password = lower(change_password.new_password)) THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'too_common';
    END IF;
    UPDATE tutti.account a
       SET password_hash = tutti.bcrypt_hash(change_password.new_password), password_changed_at = now(),
           version = a.version + 1
     WHERE a.id = acc.id;
    PERFORM tutti.audit(acc.site_id, acc.id, 'PASSWORD_CHANGED', NULL);
END
$$;

-- ---------------------------------------------------------------- notification of new mails

-- The relay LISTENs on tutti_mail and sends at once; the payload is the row's id. The notification
-- is delivered when the inserting transaction commits, never for a rolled-back row. A trigger runs
-- whoever inserts (here the SECURITY DEFINER request_password, as tutti_owner): EXECUTE on a
-- trigger function is checked when the trigger is created, not when it fires.
CREATE FUNCTION tutti.notify_mail() RETURNS trigger
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, tutti
AS $$
BEGIN
    PERFORM pg_notify('tutti_mail', NEW.id::text);
    RETURN NULL;
END
$$;

CREATE TRIGGER mail_outbox_notify AFTER INSERT ON tutti.mail_outbox
    FOR EACH ROW EXECUTE FUNCTION tutti.notify_mail();
