-- Issue 16 on PostgreSQL, part "settings + home" (SQL-API.md, "Front desk — settings and Accueil"):
--
--   tutti.site_settings()            the staff session's site as Paramètres shows it, and may_change
--   tutti.save_site_settings(...)    a staff account holding settings_right changes them (audited)
--   tutti.bound_session_id()         a site's session_lifetime_hours, when set, is its sessions' lifetime
--   tutti.desk_counts()              the staff Accueil's five counts, in one call
--   tutti.failed_mails()             the site's mails the relay gave up on (never their secret)
--   tutti.retry_mail(mail_id)        one of them back in the queue (audited)
--   tutti.overdue_invoices()         the site's invoices with a balance past their due date

-- ---------------------------------------------------------------- sessions: the site's lifetime

-- As V8, but a session of a site whose session_lifetime_hours is set lives that long after its
-- login instead of the setting's lifetime. Nothing else changes.
CREATE OR REPLACE FUNCTION tutti.bound_session_id() RETURNS bigint
LANGUAGE sql STABLE SET search_path = pg_catalog, tutti, pg_temp
AS $$
    SELECT s.id
      FROM tutti.app_session s
      JOIN tutti.account a ON a.id = s.account_id
      JOIN tutti.site si ON si.id = a.site_id
     WHERE s.token_hash = encode(sha256(convert_to(nullif(current_setting('tutti.session', true), ''), 'UTF8')), 'hex')
       AND s.ended_at IS NULL
       AND s.expires_at > now()
       AND s.created_at > now() - coalesce(pg_catalog.make_interval(hours => si.session_lifetime_hours),
                                           tutti.session_lifetime())
       AND (a.sessions_revoked_at IS NULL OR s.created_at > a.sessions_revoked_at OR s.id = a.surviving_session_id)
       AND a.active
       AND CASE a.role
               WHEN 'FAMILY' THEN pg_has_role(session_user, 'tutti_family', 'MEMBER')
               WHEN 'STAFF' THEN pg_has_role(session_user, 'tutti_staff', 'MEMBER')
               ELSE false
           END
$$;

-- ---------------------------------------------------------------- site_settings

CREATE FUNCTION tutti.site_settings()
RETURNS TABLE (name varchar, address1 varchar, address2 varchar, postal_code varchar, city varchar, phone varchar,
               email varchar, letterhead_logo bytea, online_payment boolean, online_payment_url varchar,
               payment_instructions varchar, max_document_bytes integer, identifier_pattern varchar,
               mail_sender varchar, session_lifetime_hours integer, document_prefix varchar, version bigint,
               may_change boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, tutti, pg_temp
AS $$
    SELECT s.name, s.address1, s.address2, s.postal_code, s.city, s.phone, s.email, s.letterhead_logo,
           s.online_payment, s.online_payment_url, s.payment_instructions, s.max_document_bytes,
           s.identifier_pattern, s.mail_sender, s.session_lifetime_hours, s.document_prefix, s.version,
           a.settings_right
      FROM tutti.billing_staff() b
      JOIN tutti.site s ON s.id = b.site_id
      JOIN tutti.account a ON a.id = b.account_id
$$;

-- ---------------------------------------------------------------- save_site_settings

-- A text of the settings object: trimmed, format characters removed, '' as NULL; TU422
-- 'invalid:<field>' when it is not a string (or NULL), 'too_long:<field>:<max>' past max.
CREATE FUNCTION tutti.settings_text(sent jsonb, field text, max_length integer) RETURNS text
LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, tutti, pg_temp
AS $$
DECLARE
    v text;
BEGIN
    IF coalesce(jsonb_typeof(sent -> field), 'null') = 'null' THEN
        RETURN NULL;
    END IF;
    IF jsonb_typeof(sent -> field) <> 'string' THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:' || field;
    END IF;
    v := nullif(btrim(tutti.strip_format_characters(sent ->> field), E' \t\r\n'), '');
    IF char_length(v) > max_length THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'too_long:' || field || ':' || max_length;
    END IF;
    RETURN v;
END
$$;

-- A whole number of the settings object (NULL when absent or null); TU422 'invalid:<field>' otherwise.
CREATE FUNCTION tutti.settings_integer(sent jsonb, field text) RETURNS integer
LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, tutti, pg_temp
AS $$
BEGIN
    IF coalesce(jsonb_typeof(sent -> field), 'null') = 'null' THEN
        RETURN NULL;
    END IF;
    IF jsonb_typeof(sent -> field) <> 'number' OR (sent ->> field) !~ '^[0-9]{1,9}$' THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:' || field;
    END IF;
    RETURN (sent ->> field)::integer;
END
$$;

-- A staff account holding settings_right changes its site's settings. settings: a JSON object with
-- name, address1, address2, postal_code, city, phone, email, online_payment (boolean),
-- online_payment_url, payment_instructions, max_document_bytes, identifier_pattern, mail_sender,
-- session_lifetime_hours and, only to change the logo, letterhead_logo (base64 PNG or JPEG, or null
-- to remove it). A missing key is NULL (the logo: unchanged). expected_version: the version read;
-- another save since is TU409 'stale'. Returns the new version (the same when nothing changed).
CREATE FUNCTION tutti.save_site_settings(settings text, expected_version bigint) RETURNS bigint
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, tutti, pg_temp SET lock_timeout = '2s'
AS $$
DECLARE
    staff record := tutti.billing_staff();
    sent jsonb;
    v_name text;
    v_address1 text;
    v_address2 text;
    v_postal_code text;
    v_city text;
    v_phone text;
    v_email text;
    v_online boolean;
    v_url text;
    v_instructions text;
    v_max integer;
    v_pattern text;
    v_sender text;
    v_hours integer;
    change_logo boolean;
    v_logo bytea;
    prior record;
    before_row jsonb;
    after_row jsonb;
    before_changed jsonb;
    after_changed jsonb;
    email_shape constant text := '^[^@[:space:]]+@[^@[:space:].]+(\.[^@[:space:].]+)+$';
BEGIN
    IF NOT coalesce((SELECT a.settings_right FROM tutti.account a WHERE a.id = staff.account_id), false) THEN
        RAISE EXCEPTION USING ERRCODE = 'TU403', MESSAGE = 'forbidden';
    END IF;
    BEGIN
        sent := save_site_settings.settings::jsonb;
    EXCEPTION WHEN invalid_text_representation THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:settings';
    END;
    IF sent IS NULL OR jsonb_typeof(sent) <> 'object' THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:settings';
    END IF;

    v_name := tutti.settings_text(sent, 'name', 120);
    IF v_name IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:name';
    END IF;
    v_address1 := tutti.settings_text(sent, 'address1', 120);
    IF v_address1 IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:address1';
    END IF;
    v_address2 := tutti.settings_text(sent, 'address2', 120);
    v_postal_code := tutti.settings_text(sent, 'postal_code', 10);
    IF v_postal_code IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:postal_code';
    END IF;
    v_city := tutti.settings_text(sent, 'city', 80);
    IF v_city IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:city';
    END IF;
    v_phone := tutti.settings_text(sent, 'phone', 20);
    v_email := tutti.settings_text(sent, 'email', 254);
    IF v_email !~ email_shape THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:email';
    END IF;
    IF coalesce(jsonb_typeof(sent -> 'online_payment'), 'null') NOT IN ('null', 'boolean') THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:online_payment';
    END IF;
    v_online := coalesce((sent ->> 'online_payment')::boolean, false);
    v_url := tutti.settings_text(sent, 'online_payment_url', 500);
    IF (v_url IS NOT NULL AND (v_url !~ '^https://[^[:space:]/]+' OR position('{reference}' IN v_url) = 0))
       OR (v_online AND v_url IS NULL) THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:online_payment_url';
    END IF;
    v_instructions := tutti.settings_text(sent, 'payment_instructions', 1000);
    v_max := tutti.settings_integer(sent, 'max_document_bytes');
    IF v_max IS NULL OR v_max NOT BETWEEN 1048576 AND 10485760 THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:max_document_bytes';
    END IF;
    v_pattern := tutti.settings_text(sent, 'identifier_pattern', 20);
    IF v_pattern IS NULL OR v_pattern !~ '^[A-Z]{0,8}#{3,10}$' THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:identifier_pattern';
    END IF;
    v_sender := tutti.settings_text(sent, 'mail_sender', 254);
    IF v_sender !~ email_shape THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:mail_sender';
    END IF;
    v_hours := tutti.settings_integer(sent, 'session_lifetime_hours');
    IF v_hours NOT BETWEEN 1 AND 720 THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:session_lifetime_hours';
    END IF;
    change_logo := sent ? 'letterhead_logo';
    IF change_logo AND jsonb_typeof(sent -> 'letterhead_logo') <> 'null' THEN
        IF jsonb_typeof(sent -> 'letterhead_logo') <> 'string' THEN
            RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:letterhead_logo';
        END IF;
        BEGIN
            v_logo := decode(sent ->> 'letterhead_logo', 'base64');
        EXCEPTION WHEN invalid_parameter_value THEN
            RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:letterhead_logo';
        END;
        IF octet_length(v_logo) > 524288 THEN
            RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'too_long:letterhead_logo:524288';
        END IF;
        IF NOT (substring(v_logo FROM 1 FOR 8) = '\x89504e470d0a1a0a'::bytea
                OR substring(v_logo FROM 1 FOR 3) = '\xffd8ff'::bytea) THEN
            RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:letterhead_logo';
        END IF;
    END IF;

    BEGIN
        SELECT s.* INTO prior FROM tutti.site s WHERE s.id = staff.site_id FOR UPDATE;
    EXCEPTION WHEN lock_not_available THEN
        RAISE EXCEPTION USING ERRCODE = 'TU409', MESSAGE = 'busy';
    END;
    IF save_site_settings.expected_version IS DISTINCT FROM prior.version THEN
        RAISE EXCEPTION USING ERRCODE = 'TU409', MESSAGE = 'stale';
    END IF;
    IF NOT change_logo THEN
        v_logo := prior.letterhead_logo;
    END IF;

    before_row := jsonb_build_object('name', prior.name, 'address1', prior.address1, 'address2', prior.address2,
        'postal_code', prior.postal_code, 'city', prior.city, 'phone', prior.phone, 'email', prior.email,
        'online_payment', prior.online_payment, 'online_payment_url', prior.online_payment_url,
        'payment_instructions', prior.payment_instructions, 'max_document_bytes', prior.max_document_bytes,
        'identifier_pattern', prior.identifier_pattern, 'mail_sender', prior.mail_sender,
        'session_lifetime_hours', prior.session_lifetime_hours);
    after_row := jsonb_build_object('name', v_name, 'address1', v_address1, 'address2', v_address2,
        'postal_code', v_postal_code, 'city', v_city, 'phone', v_phone, 'email', v_email,
        'online_payment', v_online, 'online_payment_url', v_url,
        'payment_instructions', v_instructions, 'max_document_bytes', v_max,
        'identifier_pattern', v_pattern, 'mail_sender', v_sender,
        'session_lifetime_hours', v_hours);
    SELECT coalesce(jsonb_object_agg(b.key, b.value), '{}'::jsonb),
           coalesce(jsonb_object_agg(b.key, after_row -> b.key), '{}'::jsonb)
      INTO before_changed, after_changed
      FROM jsonb_each(before_row) b
     WHERE b.value IS DISTINCT FROM after_row -> b.key;
    -- the logo is named, never written out
    IF v_logo IS DISTINCT FROM prior.letterhead_logo THEN
        before_changed := before_changed || jsonb_build_object('letterhead_logo',
            CASE WHEN prior.letterhead_logo IS NULL THEN NULL ELSE 'ancien logo' END);
        after_changed := after_changed || jsonb_build_object('letterhead_logo',
            CASE WHEN v_logo IS NULL THEN NULL ELSE 'logo modifié' END);
    END IF;
    IF after_changed = '{}'::jsonb THEN
        RETURN prior.version;
    END IF;

    UPDATE tutti.site s
       SET name = v_name, address1 = v_address1, address2 = v_address2, postal_code = v_postal_code, city = v_city,
           phone = v_phone, email = v_email, online_payment = v_online, online_payment_url = v_url,
           payment_instructions = v_instructions, max_document_bytes = v_max, identifier_pattern = v_pattern,
           mail_sender = v_sender, session_lifetime_hours = v_hours, letterhead_logo = v_logo,
           version = s.version + 1
     WHERE s.id = staff.site_id;
    PERFORM tutti.audit_staff(NULL, 'SETTINGS_CHANGED', 'Paramètres du site modifiés',
                              before_changed::text, after_changed::text);
    RETURN prior.version + 1;
END
$$;

-- ---------------------------------------------------------------- the staff Accueil

CREATE FUNCTION tutti.desk_counts()
RETURNS TABLE (changes_waiting integer, reenrolments_waiting integer, mails_failed integer, invoices_overdue integer,
               accounts_locked integer)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, tutti, pg_temp
AS $$
    SELECT (SELECT count(*)::integer FROM tutti.change_request c JOIN tutti.family f ON f.id = c.family_id
             WHERE f.site_id = b.site_id AND c.status = 'PENDING'),
           (SELECT count(*)::integer FROM tutti.reenrolment_request r JOIN tutti.student st ON st.id = r.student_id
                   JOIN tutti.family f ON f.id = st.family_id
             WHERE f.site_id = b.site_id AND r.status = 'PENDING'),
           (SELECT count(*)::integer FROM tutti.mail_outbox m WHERE m.site_id = b.site_id AND m.status = 'FAILED'),
           (SELECT count(*)::integer FROM tutti.invoice i
             WHERE i.site_id = b.site_id AND i.credit_note_for IS NULL AND i.due_date < current_date
               AND i.total_amount - tutti.invoice_settled(i.id) > 0),
           (SELECT count(*)::integer FROM tutti.account a
             WHERE a.site_id = b.site_id AND a.role = 'FAMILY' AND (NOT a.active OR a.locked_until > now()))
      FROM tutti.billing_staff() b
$$;

CREATE FUNCTION tutti.failed_mails()
RETURNS TABLE (id bigint, created_at timestamp with time zone, recipient varchar, subject varchar, attempts integer,
               last_error varchar)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, tutti, pg_temp
AS $$
    SELECT m.id, m.created_at, m.recipient, m.subject, m.attempts, m.last_error
      FROM tutti.billing_staff() b
      JOIN tutti.mail_outbox m ON m.site_id = b.site_id
     WHERE m.status = 'FAILED'
     ORDER BY m.created_at DESC, m.id DESC
$$;

-- A failed mail of the staff session's site back in the queue: PENDING now, attempts 0. A mail
-- whose secret (a password) was scrubbed when it failed cannot carry it again: TU409 'secret_gone'
-- (staff issue a new password from Comptes). TU409 'not_failed' for a mail that is not FAILED.
CREATE FUNCTION tutti.retry_mail(mail_id bigint) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, tutti, pg_temp SET lock_timeout = '2s'
AS $$
DECLARE
    staff record := tutti.billing_staff();
    mail record;
BEGIN
    BEGIN
        SELECT m.id, m.site_id, m.status, m.attempts, m.recipient, m.contains_secret, m.secret INTO mail
          FROM tutti.mail_outbox m WHERE m.id = retry_mail.mail_id FOR UPDATE;
    EXCEPTION WHEN lock_not_available THEN
        RAISE EXCEPTION USING ERRCODE = 'TU409', MESSAGE = 'busy';
    END;
    IF mail.id IS NULL OR mail.site_id IS DISTINCT FROM staff.site_id THEN
        RAISE EXCEPTION USING ERRCODE = 'TU403', MESSAGE = 'forbidden';
    END IF;
    IF mail.status <> 'FAILED' THEN
        RAISE EXCEPTION USING ERRCODE = 'TU409', MESSAGE = 'not_failed';
    END IF;
    IF mail.contains_secret AND mail.secret IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'TU409', MESSAGE = 'secret_gone';
    END IF;
    UPDATE tutti.mail_outbox m
       SET status = 'PENDING', attempts = 0, next_attempt_at = now(), last_error = NULL, version = m.version + 1
     WHERE m.id = mail.id;
    PERFORM pg_notify('tutti_mail', '');
    PERFORM tutti.audit_staff(NULL, 'MAIL_RETRIED', 'Courriel à ' || mail.recipient || ' remis en file d’envoi',
                              jsonb_build_object('status', 'FAILED', 'attempts', mail.attempts)::text,
                              jsonb_build_object('status', 'PENDING', 'attempts', 0)::text);
END
$$;

CREATE FUNCTION tutti.overdue_invoices()
RETURNS TABLE (invoice_id bigint, number varchar, family_id bigint, family_identifier varchar, family_name text,
               due_date date, balance numeric)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, tutti, pg_temp
AS $$
    SELECT o.id, o.number, o.family_id, o.identifier, o.family_name, o.due_date, o.balance
      FROM (SELECT i.id, i.number, i.family_id, f.identifier,
                   tutti.person_name(f.civility, f.first_name, f.last_name) AS family_name, i.due_date,
                   i.total_amount - tutti.invoice_settled(i.id) AS balance
              FROM tutti.billing_staff() b
              JOIN tutti.invoice i ON i.site_id = b.site_id
              JOIN tutti.family f ON f.id = i.family_id
             WHERE i.credit_note_for IS NULL AND i.due_date < current_date) o
     WHERE o.balance > 0
     ORDER BY o.due_date, o.number
$$;

REVOKE EXECUTE ON FUNCTION
    tutti.settings_text(jsonb, text, integer),
    tutti.settings_integer(jsonb, text),
    tutti.site_settings(),
    tutti.save_site_settings(text, bigint),
    tutti.desk_counts(),
    tutti.failed_mails(),
    tutti.retry_mail(bigint),
    tutti.overdue_invoices()
FROM PUBLIC;
GRANT EXECUTE ON FUNCTION
    tutti.site_settings(),
    tutti.save_site_settings(text, bigint),
    tutti.desk_counts(),
    tutti.failed_mails(),
    tutti.retry_mail(bigint),
    tutti.overdue_invoices()
TO tutti_staff;
