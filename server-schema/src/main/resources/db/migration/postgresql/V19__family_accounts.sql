-- Issue 16 on PostgreSQL, part "accounts": Comptes at the front desk (SQL-API.md, "Front desk —
-- accounts"). A staff session of a site lists its family accounts, creates a family with its
-- account, hands over a first (or a new) password by mail or by a printed letter, locks and
-- unlocks an account, and reads what the letter prints. Another site's account answers exactly
-- like a missing one (TU403 'forbidden').
--
--   identifier_counter   the last number given to a new family's identifier, per site: locked
--                        while issuing, never lowered, so that an identifier never comes back (a
--                        deleted account's, or after a change of site.identifier_pattern)
--
-- "Ever logged in" is the existence of an app_session row of the account: tutti.login writes one
-- at every success and nothing deletes them (index app_session_account_ix).

-- ---------------------------------------------------------------- data model

CREATE TABLE tutti.identifier_counter (
    site_id      bigint NOT NULL REFERENCES tutti.site (id),
    last_number  bigint NOT NULL,
    CONSTRAINT identifier_counter_pk PRIMARY KEY (site_id),
    CONSTRAINT identifier_counter_last_ck CHECK (last_number >= 0)
);
-- no grant and no policy: only the SECURITY DEFINER functions below number an identifier
ALTER TABLE tutti.identifier_counter ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;

-- Every site starts after the highest number of the identifiers it ever gave (families and
-- accounts, whatever their prefix).
INSERT INTO tutti.identifier_counter (site_id, last_number)
SELECT s.id,
       coalesce((SELECT max(substring(i.identifier FROM '^[A-Z]{0,8}([0-9]{1,18})$')::bigint)
                   FROM (SELECT f.identifier FROM tutti.family f WHERE f.site_id = s.id
                         UNION ALL
                         SELECT a.identifier FROM tutti.account a WHERE a.site_id = s.id) i
                  WHERE i.identifier ~ '^[A-Z]{0,8}[0-9]{1,18}$'), 0)
  FROM tutti.site s;

-- ---------------------------------------------------------------- helpers (no EXECUTE for login roles)

-- A FAMILY account of the bound staff session's site, its row locked (TU403 for anything else,
-- TU409 'busy' when another transaction holds it beyond the lock timeout).
CREATE FUNCTION tutti.staff_family_account(account_id bigint)
RETURNS TABLE (id bigint, site_id bigint, identifier varchar, email varchar, family_id bigint, active boolean,
               locked_until timestamptz, password_changed_at timestamptz)
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, tutti, pg_temp
AS $$
DECLARE
    staff record := tutti.billing_staff();
BEGIN
    BEGIN
        RETURN QUERY
            SELECT a.id, a.site_id, a.identifier, a.email, a.family_id, a.active, a.locked_until, a.password_changed_at
              FROM tutti.account a
             WHERE a.id = staff_family_account.account_id AND a.site_id = staff.site_id AND a.role = 'FAMILY'
               FOR NO KEY UPDATE;
    EXCEPTION WHEN lock_not_available THEN
        RAISE EXCEPTION USING ERRCODE = 'TU409', MESSAGE = 'busy';
    END;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'TU403', MESSAGE = 'forbidden';
    END IF;
END
$$;

-- The next identifier of a site: its pattern's prefix and the counter's next number, zero-padded
-- to the pattern's '#' count ('F####' and 1201: F1201; 10000: F10000). A number whose identifier
-- exists already (given by hand, or with another prefix) is skipped. The counter row stays locked until the caller's
-- transaction ends.
CREATE FUNCTION tutti.next_family_identifier(site_id bigint) RETURNS text
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, tutti, pg_temp
AS $$
DECLARE
    pattern text;
    prefix text;
    digits integer;
    n bigint;
    candidate text;
BEGIN
    SELECT s.identifier_pattern INTO pattern FROM tutti.site s WHERE s.id = next_family_identifier.site_id;
    prefix := substring(pattern FROM '^([A-Z]*)');
    digits := char_length(pattern) - char_length(prefix);
    -- a site without a counter yet (created after this migration) starts after its highest number
    INSERT INTO tutti.identifier_counter AS c (site_id, last_number)
    SELECT next_family_identifier.site_id,
           coalesce(max(substring(i.identifier FROM '^[A-Z]{0,8}([0-9]{1,18})$')::bigint), 0)
      FROM (SELECT f.identifier FROM tutti.family f WHERE f.site_id = next_family_identifier.site_id
            UNION ALL
            SELECT a.identifier FROM tutti.account a WHERE a.site_id = next_family_identifier.site_id) i
     WHERE i.identifier ~ '^[A-Z]{0,8}[0-9]{1,18}$'
    ON CONFLICT ON CONSTRAINT identifier_counter_pk DO NOTHING;
    SELECT c.last_number INTO n FROM tutti.identifier_counter c WHERE c.site_id = next_family_identifier.site_id
       FOR UPDATE;
    LOOP
        n := n + 1;
        candidate := prefix || lpad(n::text, greatest(digits, char_length(n::text)), '0');
        EXIT WHEN NOT EXISTS (SELECT FROM tutti.family f
                               WHERE f.site_id = next_family_identifier.site_id AND f.identifier = candidate)
              AND NOT EXISTS (SELECT FROM tutti.account a
                               WHERE a.site_id = next_family_identifier.site_id AND a.identifier = candidate);
    END LOOP;
    UPDATE tutti.identifier_counter c SET last_number = n WHERE c.site_id = next_family_identifier.site_id;
    RETURN candidate;
END
$$;

-- ---------------------------------------------------------------- family_accounts

-- The family accounts of the staff session's site: 'ALL', 'NEVER_USED' (never logged in) or
-- 'LOCKED' (locked by staff, or locked out after wrong passwords now), ordered by identifier.
CREATE FUNCTION tutti.family_accounts(filter text)
RETURNS TABLE (account_id bigint, family_id bigint, identifier text, family_name text, email text,
               created_at timestamptz, last_login_at timestamptz, locked boolean, locked_until timestamptz,
               never_used boolean)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, tutti, pg_temp
AS $$
DECLARE
    staff record := tutti.billing_staff();
    wanted constant text := upper(coalesce(family_accounts.filter, ''));
BEGIN
    IF wanted NOT IN ('ALL', 'NEVER_USED', 'LOCKED') THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:filter';
    END IF;
    RETURN QUERY
        SELECT x.id, x.family_id, x.identifier::text, x.name, x.email::text, x.created_at, x.last_login,
               x.is_locked, x.lockout, x.last_login IS NULL
          FROM (SELECT a.id, a.family_id, a.identifier, a.email, a.created_at,
                       tutti.person_name(f.civility, f.first_name, f.last_name) AS name,
                       (SELECT max(s.created_at) FROM tutti.app_session s WHERE s.account_id = a.id) AS last_login,
                       (NOT a.active OR coalesce(a.locked_until > now(), false)) AS is_locked,
                       CASE WHEN a.locked_until > now() THEN a.locked_until END AS lockout
                  FROM tutti.account a
                  JOIN tutti.family f ON f.id = a.family_id
                 WHERE a.site_id = staff.site_id AND a.role = 'FAMILY') x
         WHERE wanted = 'ALL'
            OR (wanted = 'NEVER_USED' AND x.last_login IS NULL)
            OR (wanted = 'LOCKED' AND x.is_locked)
         ORDER BY x.identifier;
END
$$;

-- ---------------------------------------------------------------- create_family_account

-- A new family of the staff session's site and its FAMILY account. family: a JSON object of the
-- Famille screen's fields (civility, last_name, first_name, address1, address2, postal_code, city,
-- country, phone_home, phone_mobile, phone_work, email), checked as a change request's values
-- (tutti.change_value); email is required. The account's password is unusable until a first
-- password is issued (tutti.issue_first_password).
CREATE FUNCTION tutti.create_family_account(family text)
RETURNS TABLE (account_id bigint, family_id bigint, identifier text)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, tutti, pg_temp SET lock_timeout = '2s'
AS $$
DECLARE
    staff record := tutti.billing_staff();
    fields constant text[] := ARRAY['civility', 'last_name', 'first_name', 'address1', 'address2', 'postal_code',
                                    'city', 'country', 'phone_home', 'phone_mobile', 'phone_work', 'email'];
    sent jsonb;
    key text;
    field text;
    v jsonb := '{}'::jsonb;
    given text;
    new_family bigint;
    new_account bigint;
    new_identifier text;
BEGIN
    BEGIN
        sent := create_family_account.family::jsonb;
    EXCEPTION WHEN invalid_text_representation THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:family';
    END;
    IF sent IS NULL OR jsonb_typeof(sent) <> 'object' THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:family';
    END IF;
    FOR key IN SELECT k FROM jsonb_object_keys(sent) k ORDER BY k LOOP
        IF NOT key = ANY (fields) THEN
            RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:family';
        END IF;
    END LOOP;
    FOREACH field IN ARRAY fields LOOP
        given := tutti.change_value(field, sent -> field);
        IF field = 'email' AND given IS NULL THEN
            RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:email';
        END IF;
        v := v || jsonb_build_object(field, given);
    END LOOP;

    BEGIN
        new_identifier := tutti.next_family_identifier(staff.site_id);
    EXCEPTION WHEN lock_not_available THEN
        RAISE EXCEPTION USING ERRCODE = 'TU409', MESSAGE = 'busy';
    END;
    INSERT INTO tutti.family (site_id, identifier, civility, last_name, first_name, address1, address2, postal_code,
                              city, country, phone_home, phone_mobile, phone_work, email, created_at)
    VALUES (staff.site_id, new_identifier, v ->> 'civility', v ->> 'last_name', v ->> 'first_name', v ->> 'address1',
            v ->> 'address2', v ->> 'postal_code', v ->> 'city', v ->> 'country', v ->> 'phone_home',
            v ->> 'phone_mobile', v ->> 'phone_work', v ->> 'email', now())
    RETURNING id INTO new_family;
    INSERT INTO tutti.account (site_id, identifier, email, password_hash, role, family_id, display_name, active,
                               created_at)
    VALUES (staff.site_id, new_identifier, v ->> 'email',
            tutti.bcrypt_hash(encode(tutti.random_bytes(32), 'hex')), 'FAMILY', new_family,
            left(tutti.person_name(v ->> 'civility', v ->> 'first_name', v ->> 'last_name'), 120), true, now())
    RETURNING id INTO new_account;
    PERFORM tutti.audit_staff(new_family, 'ACCOUNT_CREATED', 'Compte ' || new_identifier || ' créé', NULL,
                              jsonb_strip_nulls(v || jsonb_build_object('identifier', new_identifier))::text);
    RETURN QUERY SELECT new_account, new_family, new_identifier;
END
$$;

-- ---------------------------------------------------------------- issue_first_password

-- A new password for a family account of the staff session's site (its first, or a reset): the
-- sessions end, the lock-out after wrong passwords is lifted (a staff lock stays). delivery 'MAIL'
-- queues the mail that carries it (the secret in mail_outbox.secret, the bodies hold {{secret}})
-- and returns NULL; 'LETTER' returns it once, for the printed letter.
CREATE FUNCTION tutti.issue_first_password(account_id bigint, delivery text) RETURNS text
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, tutti, pg_temp SET lock_timeout = '2s'
AS $$
DECLARE
    acc record;
    way constant text := upper(coalesce(issue_first_password.delivery, ''));
    new_password text;
    changed_at timestamptz;
    m record;
    subject text;
    address text;
    body_text text;
    body_html text;
BEGIN
    SELECT * INTO acc FROM tutti.staff_family_account(issue_first_password.account_id);
    IF way NOT IN ('MAIL', 'LETTER') THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:delivery';
    END IF;
    new_password := tutti.new_password();
    changed_at := clock_timestamp();
    UPDATE tutti.account a
       SET password_hash = tutti.bcrypt_hash(new_password), password_changed_at = changed_at,
           sessions_revoked_at = changed_at, surviving_session_id = NULL,
           failed_attempts = 0, first_failure_at = NULL, locked_until = NULL, version = a.version + 1
     WHERE a.id = acc.id;
    PERFORM tutti.end_sessions_quietly(acc.id, NULL);
    PERFORM tutti.audit_staff(acc.family_id, 'PASSWORD_ISSUED',
                              CASE way WHEN 'MAIL' THEN 'Mot de passe du compte ' || acc.identifier || ' envoyé par e-mail'
                                       ELSE 'Mot de passe du compte ' || acc.identifier || ' imprimé sur une lettre' END,
                              NULL, jsonb_build_object('delivery', way)::text);
    IF way = 'LETTER' THEN
        RETURN new_password;
    END IF;

    SELECT t.name AS site_name, t.address1, t.address2, t.postal_code, t.city, t.phone, t.email AS site_email,
           tutti.person_name(f.civility, f.first_name, f.last_name) AS name
      INTO m
      FROM tutti.site t, tutti.family f
     WHERE t.id = acc.site_id AND f.id = acc.family_id;
    subject := 'Votre compte Tutti';
    address := concat_ws(E'\n', m.site_name, m.address1, m.address2, m.postal_code || ' ' || m.city,
                         'Tél. ' || m.phone, m.site_email);
    body_text := tutti.greeting(m.name) || E'\n\n'
        || 'Voici l''accès à votre compte Tutti (' || m.site_name || ').' || E'\n\n'
        || 'Identifiant : ' || acc.identifier || E'\n'
        || 'Mot de passe : {{secret}}' || E'\n\n'
        || 'Installez Tutti sur votre ordinateur (l''accueil vous indique où le trouver), ouvrez-le, choisissez « '
        || m.site_name || ' » dans la fenêtre de connexion, puis saisissez votre identifiant et ce mot de passe. '
        || 'Choisissez ensuite votre propre mot de passe dans « Mot de passe » (10 caractères au moins). '
        || 'Un mot de passe reçu auparavant ne fonctionne plus.' || E'\n\n'
        || 'Cordialement,' || E'\n\n'
        || address || E'\n';
    body_html := '<!DOCTYPE html>' || E'\n'
        || '<html lang="fr"><head><meta charset="utf-8"><title>' || tutti.html_escape(subject)
        || '</title></head>' || E'\n'
        || '<body style="font-family: sans-serif; line-height: 1.4">' || E'\n'
        || '<p>' || tutti.html_escape(tutti.greeting(m.name)) || '</p>' || E'\n'
        || '<p>Voici l''accès à votre compte Tutti (' || tutti.html_escape(m.site_name) || ').</p>' || E'\n'
        || '<table>' || E'\n'
        || '<tr><td>Identifiant&nbsp;:</td><td><strong>' || tutti.html_escape(acc.identifier)
        || '</strong></td></tr>' || E'\n'
        || '<tr><td>Mot de passe&nbsp;:</td><td><strong><code>{{secret}}</code></strong></td></tr>' || E'\n'
        || '</table>' || E'\n'
        || '<p>Installez Tutti sur votre ordinateur (l''accueil vous indique où le trouver), ouvrez-le, choisissez «&nbsp;'
        || tutti.html_escape(m.site_name) || '&nbsp;» dans la fenêtre de connexion, puis saisissez votre identifiant '
        || 'et ce mot de passe. Choisissez ensuite votre propre mot de passe dans «&nbsp;Mot de passe&nbsp;» '
        || '(10 caractères au moins). Un mot de passe reçu auparavant ne fonctionne plus.</p>' || E'\n'
        || '<p>Cordialement,</p>' || E'\n'
        || '<p>' || replace(tutti.html_escape(address), E'\n', '<br>' || E'\n') || '</p>' || E'\n'
        || '</body></html>' || E'\n';
    INSERT INTO tutti.mail_outbox (site_id, kind, recipient, subject, body_text, body_html, contains_secret, secret,
                                   status, attempts, next_attempt_at, created_at)
    VALUES (acc.site_id, 'ACCOUNT_ACCESS', acc.email, subject, body_text, body_html, true, new_password,
            'PENDING', 0, now(), now());
    RETURN NULL;
END
$$;

-- ---------------------------------------------------------------- set_account_locked

-- Locks (inactive, its sessions ended) or unlocks (active, the lock-out after wrong passwords
-- lifted) a family account of the staff session's site.
CREATE FUNCTION tutti.set_account_locked(account_id bigint, locked boolean) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, tutti, pg_temp SET lock_timeout = '2s'
AS $$
DECLARE
    acc record;
    was_locked boolean;
    revoked_at timestamptz;
BEGIN
    SELECT * INTO acc FROM tutti.staff_family_account(set_account_locked.account_id);
    IF set_account_locked.locked IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:locked';
    END IF;
    was_locked := NOT acc.active OR coalesce(acc.locked_until > now(), false);
    IF set_account_locked.locked THEN
        revoked_at := clock_timestamp();
        UPDATE tutti.account a
           SET active = false, sessions_revoked_at = revoked_at, surviving_session_id = NULL, version = a.version + 1
         WHERE a.id = acc.id;
        PERFORM tutti.end_sessions_quietly(acc.id, NULL);
    ELSE
        UPDATE tutti.account a
           SET active = true, failed_attempts = 0, first_failure_at = NULL, locked_until = NULL,
               version = a.version + 1
         WHERE a.id = acc.id;
    END IF;
    PERFORM tutti.audit_staff(acc.family_id,
                              CASE WHEN set_account_locked.locked THEN 'ACCOUNT_LOCKED' ELSE 'ACCOUNT_UNLOCKED' END,
                              'Compte ' || acc.identifier
                                  || CASE WHEN set_account_locked.locked THEN ' verrouillé' ELSE ' déverrouillé' END,
                              jsonb_build_object('locked', was_locked)::text,
                              jsonb_build_object('locked', set_account_locked.locked)::text);
END
$$;

-- ---------------------------------------------------------------- account_letter

-- What the letter of a family account of the staff session's site prints: the site's letterhead
-- (and its logo), the family's name and postal address, the identifier.
CREATE FUNCTION tutti.account_letter(account_id bigint)
RETURNS TABLE (site_name text, site_address1 text, site_address2 text, site_postal_code text, site_city text,
               site_phone text, site_email text, site_logo bytea, identifier text, civility text, first_name text,
               last_name text, address1 text, address2 text, postal_code text, city text, country text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, tutti, pg_temp
AS $$
DECLARE
    staff record := tutti.billing_staff();
BEGIN
    RETURN QUERY
        SELECT t.name::text, t.address1::text, t.address2::text, t.postal_code::text, t.city::text, t.phone::text,
               t.email::text, t.letterhead_logo, a.identifier::text, f.civility::text, f.first_name::text,
               f.last_name::text, f.address1::text, f.address2::text, f.postal_code::text, f.city::text,
               f.country::text
          FROM tutti.account a
          JOIN tutti.family f ON f.id = a.family_id
          JOIN tutti.site t ON t.id = a.site_id
         WHERE a.id = account_letter.account_id AND a.site_id = staff.site_id AND a.role = 'FAMILY';
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'TU403', MESSAGE = 'forbidden';
    END IF;
END
$$;

REVOKE EXECUTE ON FUNCTION
    tutti.staff_family_account(bigint),
    tutti.next_family_identifier(bigint)
FROM PUBLIC;
GRANT EXECUTE ON FUNCTION
    tutti.family_accounts(text),
    tutti.create_family_account(text),
    tutti.issue_first_password(bigint, text),
    tutti.set_account_locked(bigint, boolean),
    tutti.account_letter(bigint)
TO tutti_staff;
REVOKE EXECUTE ON FUNCTION
    tutti.family_accounts(text),
    tutti.create_family_account(text),
    tutti.issue_first_password(bigint, text),
    tutti.set_account_locked(bigint, boolean),
    tutti.account_letter(bigint)
FROM PUBLIC;
