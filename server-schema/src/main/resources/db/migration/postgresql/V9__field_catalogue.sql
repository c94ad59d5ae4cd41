-- Issue 12 on PostgreSQL: one name and one format per field, on every surface (SQL-API.md,
-- "Field catalogue"). The mails say what the client's forms and staff queue say (the client's
-- catalogue: org.tutti.client.ui.common.FieldCatalogue, bundle keys field.*; H2:
-- org.tutti.schema.h2.FieldLabels):
--
--   change_field_label   the label of a column: "Téléphone fixe", "Téléphone travail", "E-mail"
--   change_value_text    a stored value as read: dates 26/02/2018, phones 06 12 34 56 78,
--                        civility and sex in words (Mme, M., Féminin, Masculin)
--   change_item          one line of a mail's list: "Date de naissance : 26/02/2018"
--   person_name          "Mme Apolline Ferrari": civility in words, first name, last name
--   greeting             "Bonjour Mme Apolline Ferrari," ("Bonjour," without a name)
--
-- Replaced so that they use them (each from its latest version; only the mail texts change):
-- queue_family_mail (V5, greets the family), submit_changes(jsonb) (V5, its list of changes),
-- decide_change (V8, the refusal's list and "La valeur enregistrée reste : 25/02/2018"),
-- rec_password_request (V8, greets a family account), session_info (V2, a family account's
-- display name is its responsible adult as above, whatever display_name holds).
-- Every function keeps search_path = pg_catalog, tutti, pg_temp and its security; the helpers
-- are executable by no login role (afterMigrate takes EXECUTE from PUBLIC).

-- ---------------------------------------------------------------- the catalogue (no EXECUTE for login roles)

CREATE OR REPLACE FUNCTION tutti.change_field_label(field text) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, tutti, pg_temp
AS $$
    SELECT CASE field
               WHEN 'civility' THEN 'Civilité'
               WHEN 'last_name' THEN 'Nom'
               WHEN 'first_name' THEN 'Prénom'
               WHEN 'address1' THEN 'Adresse'
               WHEN 'address2' THEN 'Complément d’adresse'
               WHEN 'postal_code' THEN 'Code postal'
               WHEN 'city' THEN 'Ville'
               WHEN 'country' THEN 'Pays'
               WHEN 'phone_home' THEN 'Téléphone fixe'
               WHEN 'phone_mobile' THEN 'Téléphone portable'
               WHEN 'phone_work' THEN 'Téléphone travail'
               WHEN 'email' THEN 'E-mail'
               WHEN 'sex' THEN 'Sexe'
               WHEN 'birth_date' THEN 'Date de naissance'
               WHEN 'school_level' THEN 'Niveau scolaire'
               ELSE field
           END
$$;

-- A stored value (as change_request and to_jsonb hold it: dates yyyy-mm-dd) as the family reads
-- it; NULL for NULL. A value that does not parse is shown as it is.
CREATE FUNCTION tutti.change_value_text(field text, value text) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, tutti, pg_temp
AS $$
    SELECT CASE
               WHEN value IS NULL THEN NULL
               WHEN field = 'birth_date' AND value ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'
                   THEN substr(value, 9, 2) || '/' || substr(value, 6, 2) || '/' || substr(value, 1, 4)
               WHEN field = 'civility' THEN CASE value WHEN 'MME' THEN 'Mme' WHEN 'M' THEN 'M.' ELSE value END
               WHEN field = 'sex' THEN CASE value WHEN 'F' THEN 'Féminin' WHEN 'M' THEN 'Masculin' ELSE value END
               WHEN field IN ('phone_home', 'phone_mobile', 'phone_work')
                    AND translate(value, ' .-', '') ~ '^0[0-9]{9}$'
                   THEN regexp_replace(translate(value, ' .-', ''), '^(..)(..)(..)(..)(..)$', '\1 \2 \3 \4 \5')
               ELSE value
           END
$$;

-- One line of a mail's list of changes: "Téléphone fixe : 01 23 45 67 89", "(vide)" for none.
CREATE FUNCTION tutti.change_item(field text, value text) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, tutti, pg_temp
AS $$
    SELECT tutti.change_field_label(field) || ' : ' || coalesce(tutti.change_value_text(field, value), '(vide)')
$$;

-- A person as every surface names them: "Mme Apolline Ferrari"; missing parts left out.
CREATE FUNCTION tutti.person_name(civility text, first_name text, last_name text) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, tutti, pg_temp
AS $$
    SELECT concat_ws(' ', nullif(btrim(tutti.change_value_text('civility', btrim(civility))), ''),
                     nullif(btrim(first_name), ''), nullif(btrim(last_name), ''))
$$;

-- The first line of a mail: "Bonjour Mme Apolline Ferrari," or "Bonjour,".
CREATE FUNCTION tutti.greeting(name text) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, tutti, pg_temp
AS $$
    SELECT CASE WHEN nullif(btrim(name), '') IS NULL THEN 'Bonjour,' ELSE 'Bonjour ' || name || ',' END
$$;

-- ---------------------------------------------------------------- the mails

-- Queues a mail to a family, greeting its responsible adult by name (otherwise as in V5).
CREATE OR REPLACE FUNCTION tutti.queue_family_mail(family_id bigint, kind text, subject_end text, paragraphs text[],
                                        items text[]) RETURNS void
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, tutti, pg_temp
AS $$
DECLARE
    m record;
    recipient text;
    subject text;
    address text;
    body_text text;
    body_html text;
    greeting text;
    i integer;
BEGIN
    SELECT f.email, t.id AS site_id, t.name AS site_name, t.address1, t.address2, t.postal_code, t.city, t.phone,
           t.email AS site_email, tutti.person_name(f.civility, f.first_name, f.last_name) AS name
      INTO m
      FROM tutti.family f JOIN tutti.site t ON t.id = f.site_id
     WHERE f.id = queue_family_mail.family_id;
    recipient := coalesce(m.email, (SELECT a.email FROM tutti.account a
                                     WHERE a.family_id = queue_family_mail.family_id AND a.active
                                     ORDER BY a.id LIMIT 1));
    IF recipient IS NULL THEN
        RETURN;
    END IF;
    subject := m.site_name || ' — ' || subject_end;
    address := concat_ws(E'\n', m.site_name, m.address1, m.address2, m.postal_code || ' ' || m.city,
                         'Tél. ' || m.phone, m.site_email);
    greeting := tutti.greeting(m.name);
    body_text := greeting || E'\n\n' || paragraphs[1] || E'\n\n';
    body_html := '<!DOCTYPE html>' || E'\n'
        || '<html lang="fr"><head><meta charset="utf-8"><title>' || tutti.html_escape(subject)
        || '</title></head>' || E'\n'
        || '<body style="font-family: sans-serif; line-height: 1.4">' || E'\n'
        || '<p>' || tutti.html_escape(greeting) || '</p>' || E'\n'
        || '<p>' || tutti.html_escape(paragraphs[1]) || '</p>' || E'\n';
    IF cardinality(items) > 0 THEN
        body_html := body_html || '<ul>' || E'\n';
        FOR i IN 1 .. cardinality(items) LOOP
            body_text := body_text || '- ' || items[i] || E'\n';
            body_html := body_html || '<li>' || tutti.html_escape(items[i]) || '</li>' || E'\n';
        END LOOP;
        body_text := body_text || E'\n';
        body_html := body_html || '</ul>' || E'\n';
    END IF;
    FOR i IN 2 .. coalesce(cardinality(paragraphs), 0) LOOP
        body_text := body_text || paragraphs[i] || E'\n\n';
        body_html := body_html || '<p>' || tutti.html_escape(paragraphs[i]) || '</p>' || E'\n';
    END LOOP;
    body_text := body_text || 'Cordialement,' || E'\n\n' || address || E'\n';
    body_html := body_html || '<p>Cordialement,</p>' || E'\n'
        || '<p>' || replace(tutti.html_escape(address), E'\n', '<br>' || E'\n') || '</p>' || E'\n'
        || '</body></html>' || E'\n';
    INSERT INTO tutti.mail_outbox (site_id, kind, recipient, subject, body_text, body_html, contains_secret,
                                   status, attempts, next_attempt_at, created_at)
    VALUES (m.site_id, kind, recipient, subject, body_text, body_html, false, 'PENDING', 0, now(), now());
END
$$;

-- As in V5; the list of changes is written by change_item.
CREATE OR REPLACE FUNCTION tutti.submit_changes(target text, target_id bigint, changes jsonb) RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, tutti, pg_temp
AS $$
DECLARE
    live bigint := tutti.bound_session_id();
    kind constant text := upper(coalesce(submit_changes.target, ''));
    acc record;
    tgt record;
    item record;
    normalized jsonb := '{}'::jsonb;
    current_value text;
    pending_value text;
    has_pending boolean;
    recorded integer := 0;
    items text[] := ARRAY[]::text[];
    fields text[] := ARRAY[]::text[];
BEGIN
    IF live IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'TU401', MESSAGE = 'no session';
    END IF;
    SELECT a.id, a.family_id, a.site_id INTO acc
      FROM tutti.app_session s JOIN tutti.account a ON a.id = s.account_id
     WHERE s.id = live AND a.role = 'FAMILY';
    IF acc.family_id IS NULL OR kind NOT IN ('FAMILY', 'STUDENT') OR submit_changes.target_id IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'TU403', MESSAGE = 'forbidden';
    END IF;
    -- ownership first (another family's row is never locked), then the lock
    IF NOT (CASE kind
                WHEN 'FAMILY' THEN submit_changes.target_id = acc.family_id
                ELSE EXISTS (SELECT FROM tutti.student s
                              WHERE s.id = submit_changes.target_id AND s.family_id = acc.family_id)
            END) THEN
        RAISE EXCEPTION USING ERRCODE = 'TU403', MESSAGE = 'forbidden';
    END IF;
    SELECT * INTO tgt FROM tutti.change_target_row(kind, submit_changes.target_id);
    IF tgt.family_id IS DISTINCT FROM acc.family_id THEN
        RAISE EXCEPTION USING ERRCODE = 'TU403', MESSAGE = 'forbidden';
    END IF;

    IF changes IS NULL OR jsonb_typeof(changes) <> 'object' THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:changes';
    END IF;
    -- every field is checked before anything is recorded, in the order of their names
    FOR item IN SELECT e.key, e.value FROM jsonb_each(changes) e ORDER BY e.key COLLATE "C" LOOP
        IF NOT item.key = ANY (tutti.change_fields(kind)) THEN
            RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'unknown_field:' || left(item.key, 60);
        END IF;
        normalized := normalized || jsonb_build_object(item.key, tutti.change_value(item.key, item.value));
    END LOOP;

    FOR item IN SELECT e.key, e.value FROM jsonb_each_text(normalized) e ORDER BY e.key COLLATE "C" LOOP
        current_value := tgt.row_json ->> item.key;
        SELECT true, c.new_value INTO has_pending, pending_value
          FROM tutti.change_request c
         WHERE c.target = kind AND c.target_id = submit_changes.target_id AND c.field_name = item.key
           AND c.status = 'PENDING'
         ORDER BY c.id DESC LIMIT 1
           FOR UPDATE;
        has_pending := coalesce(has_pending, false);
        IF (NOT has_pending AND item.value IS NOT DISTINCT FROM current_value)
           OR (has_pending AND item.value IS NOT DISTINCT FROM pending_value) THEN
            CONTINUE; -- nothing new
        END IF;
        UPDATE tutti.change_request c SET status = 'SUPERSEDED', decided_at = now(), version = c.version + 1
         WHERE c.target = kind AND c.target_id = submit_changes.target_id AND c.field_name = item.key
           AND c.status = 'PENDING';
        INSERT INTO tutti.change_request (family_id, target, target_id, field_name, old_value, new_value,
                                          target_version, status, submitted_by, submitted_at)
        VALUES (acc.family_id, kind, submit_changes.target_id, item.key, current_value, item.value,
                tgt.row_version, 'PENDING', acc.id, now());
        recorded := recorded + 1;
        items := items || tutti.change_item(item.key, item.value);
        fields := fields || item.key;
    END LOOP;

    IF recorded > 0 THEN
        PERFORM tutti.queue_family_mail(acc.family_id, 'CHANGE_ACK', 'demande de modification reçue',
            ARRAY['Nous avons bien reçu votre demande de modification pour '
                      || tutti.change_subject_of(kind, tgt.row_json) || ' :',
                  'L''accueil va l''examiner. Chaque modification acceptée apparaîtra dans Tutti ; si l''une '
                      || 'd''elles est refusée, vous recevrez un message qui en donne la raison.',
                  'Si vous n''êtes pas à l''origine de cette demande, prévenez l''accueil.'],
            items);
        PERFORM tutti.audit(acc.site_id, acc.id, 'CHANGE_SUBMITTED',
                            format('%s %s: %s', kind, submit_changes.target_id, array_to_string(fields, ', ')));
    END IF;
    RETURN recorded;
END
$$;

-- As in V8; the refusal's list and the value kept are written as the family reads them.
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
                  'La valeur enregistrée reste : '
                      || coalesce(tutti.change_value_text(req.field_name, tgt.row_json ->> req.field_name), '(vide)'),
                  'Pour toute question, contactez l''accueil.'],
            ARRAY[tutti.change_item(req.field_name, req.new_value)]);
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

-- As in V8; a family account is greeted by name.
CREATE OR REPLACE FUNCTION tutti.rec_password_request(identifier text, email text, client text) RETURNS text
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
                    t.address1, t.address2, t.postal_code, t.city, t.phone, t.email AS site_email,
                    (SELECT tutti.person_name(f.civility, f.first_name, f.last_name)
                       FROM tutti.family f WHERE f.id = a.family_id) AS name
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
        body_text := tutti.greeting(m.name) || E'\n\n'
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
            || '<p>' || tutti.html_escape(tutti.greeting(m.name)) || '</p>' || E'\n'
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

-- ---------------------------------------------------------------- the header

-- As in V2; a family account's display name is its responsible adult, named as everywhere.
CREATE OR REPLACE FUNCTION tutti.session_info()
RETURNS TABLE (account_id bigint, role varchar, site_code varchar, site_name varchar, identifier varchar,
               display_name varchar, family_id bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, tutti, pg_temp
AS $$
    SELECT a.id, a.role, t.code, t.name, a.identifier,
           CASE WHEN f.id IS NULL THEN a.display_name
                ELSE tutti.person_name(f.civility, f.first_name, f.last_name)::varchar END,
           a.family_id
      FROM tutti.app_session s
      JOIN tutti.account a ON a.id = s.account_id
      JOIN tutti.site t ON t.id = a.site_id
      LEFT JOIN tutti.family f ON f.id = a.family_id
     WHERE s.id = tutti.bound_session_id()
$$;

-- The demo's family accounts were named "Mme Ferrari Apolline": named as everywhere now (a name
-- someone typed differently is left alone).
UPDATE tutti.account a
   SET display_name = tutti.person_name(f.civility, f.first_name, f.last_name), version = a.version + 1
  FROM tutti.family f
 WHERE f.id = a.family_id AND a.role = 'FAMILY'
   AND a.display_name = tutti.change_value_text('civility', f.civility) || ' ' || f.last_name || ' ' || f.first_name;
