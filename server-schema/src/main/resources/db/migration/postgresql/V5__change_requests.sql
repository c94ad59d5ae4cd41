-- Issue 5 on PostgreSQL (SQL-API.md, "Change requests"): families submit changes to their family row
-- and their students, field by field; staff decide each field.
--
--   submit_changes   FAMILY session: validates and normalises every field, supersedes the pending
--                    request of a field, records one change_request per changed field, queues the
--                    CHANGE_ACK mail; a text overload lets a client bind the JSON with setString
--   decide_change    STAFF session of the family's site: accepts (applies the value, version + 1,
--                    TU409 'conflict' when the field changed since the request unless forced) or
--                    rejects (CHANGE_REJECTED mail); TU409 'already_decided' when no longer PENDING
--
-- Locks: both functions lock the target row (family or student) first, then the requests, so that a
-- family submitting and two staff members deciding at once are serialized without deadlock.
-- The afterMigrate callback hands the functions to tutti_owner and takes EXECUTE away from PUBLIC.

-- ---------------------------------------------------------------- helpers (no EXECUTE for login roles)

-- The fields a family may change, per target ('FAMILY' or 'STUDENT').
CREATE FUNCTION tutti.change_fields(target text) RETURNS text[]
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, tutti
AS $$
    SELECT CASE target
               WHEN 'FAMILY' THEN ARRAY['civility', 'last_name', 'first_name', 'address1', 'address2', 'postal_code',
                                        'city', 'country', 'phone_home', 'phone_mobile', 'phone_work', 'email']
               WHEN 'STUDENT' THEN ARRAY['last_name', 'first_name', 'sex', 'birth_date', 'email', 'phone_mobile',
                                         'school_level']
           END
$$;

-- The French label of a field, for the mails.
CREATE FUNCTION tutti.change_field_label(field text) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, tutti
AS $$
    SELECT CASE field
               WHEN 'civility' THEN 'Civilité'
               WHEN 'last_name' THEN 'Nom'
               WHEN 'first_name' THEN 'Prénom'
               WHEN 'address1' THEN 'Adresse'
               WHEN 'address2' THEN 'Complément d''adresse'
               WHEN 'postal_code' THEN 'Code postal'
               WHEN 'city' THEN 'Ville'
               WHEN 'country' THEN 'Pays'
               WHEN 'phone_home' THEN 'Téléphone (domicile)'
               WHEN 'phone_mobile' THEN 'Téléphone portable'
               WHEN 'phone_work' THEN 'Téléphone (travail)'
               WHEN 'email' THEN 'Adresse e-mail'
               WHEN 'sex' THEN 'Sexe'
               WHEN 'birth_date' THEN 'Date de naissance'
               WHEN 'school_level' THEN 'Niveau scolaire'
               ELSE field
           END
$$;

-- A submitted value checked and normalised: trimmed ('' is NULL), upper-case codes, phones as
-- '06 12 34 56 78', dates as yyyy-mm-dd. Raises TU422 'invalid:<field>' for a value breaking a rule.
CREATE FUNCTION tutti.change_value(field text, value jsonb) RETURNS text
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, tutti
AS $$
DECLARE
    v text;
    digits text;
    d date;
    max_length integer;
BEGIN
    IF value IS NULL OR jsonb_typeof(value) = 'null' THEN
        v := NULL;
    ELSIF jsonb_typeof(value) = 'string' THEN
        v := nullif(btrim(value #>> '{}', E' \t\r\n'), '');
    ELSE
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:' || field;
    END IF;
    IF v IS NULL THEN
        IF field IN ('civility', 'last_name', 'first_name', 'address1', 'postal_code', 'city', 'country', 'sex',
                     'birth_date') THEN
            RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:' || field;
        END IF;
        RETURN NULL;
    END IF;
    IF field IN ('civility', 'sex') THEN
        v := upper(v);
        IF (field = 'civility' AND v NOT IN ('M', 'MME')) OR (field = 'sex' AND v NOT IN ('F', 'M')) THEN
            RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:' || field;
        END IF;
    ELSIF field = 'email' THEN
        IF v !~ '^[^@[:space:]]+@[^@[:space:].]+(\.[^@[:space:].]+)+$' THEN
            RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:' || field;
        END IF;
    ELSIF field = 'postal_code' THEN
        IF v !~ '^[0-9]{5}$' THEN
            RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:' || field;
        END IF;
    ELSIF field IN ('phone_home', 'phone_mobile', 'phone_work') THEN
        digits := translate(v, ' .-', '');
        IF digits !~ '^0[0-9]{9}$' THEN
            RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:' || field;
        END IF;
        v := concat_ws(' ', substr(digits, 1, 2), substr(digits, 3, 2), substr(digits, 5, 2), substr(digits, 7, 2),
                       substr(digits, 9, 2));
    ELSIF field = 'birth_date' THEN
        IF v !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN
            RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:' || field;
        END IF;
        BEGIN
            d := v::date;
        EXCEPTION WHEN datetime_field_overflow OR invalid_datetime_format THEN
            RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:' || field;
        END;
        IF d <= DATE '1900-01-01' OR d > (current_date - interval '2 years')::date THEN
            RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:' || field;
        END IF;
        v := to_char(d, 'YYYY-MM-DD');
    END IF;
    max_length := CASE field
                      WHEN 'civility' THEN 4 WHEN 'sex' THEN 1 WHEN 'postal_code' THEN 10
                      WHEN 'last_name' THEN 80 WHEN 'first_name' THEN 80 WHEN 'city' THEN 80
                      WHEN 'address1' THEN 120 WHEN 'address2' THEN 120 WHEN 'country' THEN 60
                      WHEN 'email' THEN 254 WHEN 'school_level' THEN 40 WHEN 'birth_date' THEN 10
                      ELSE 20
                  END;
    IF char_length(v) > max_length THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:' || field;
    END IF;
    RETURN v;
END
$$;

-- The row a change request is about, as jsonb (dates as yyyy-mm-dd), with its family, locked.
CREATE FUNCTION tutti.change_target_row(target text, target_id bigint, OUT row_json jsonb, OUT family_id bigint,
                                        OUT row_version bigint)
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, tutti
AS $$
BEGIN
    IF target = 'FAMILY' THEN
        SELECT to_jsonb(f), f.id, f.version INTO row_json, family_id, row_version
          FROM tutti.family f WHERE f.id = change_target_row.target_id FOR UPDATE;
    ELSIF target = 'STUDENT' THEN
        SELECT to_jsonb(s), s.family_id, s.version INTO row_json, family_id, row_version
          FROM tutti.student s WHERE s.id = change_target_row.target_id FOR UPDATE;
    END IF;
END
$$;

-- What a mail says the change is about: 'le dossier de la famille X' or 'la fiche de Prénom Nom'.
CREATE FUNCTION tutti.change_subject_of(target text, row_json jsonb) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, tutti
AS $$
    SELECT CASE target
               WHEN 'FAMILY' THEN 'le dossier de la famille ' || (row_json ->> 'last_name')
               ELSE 'la fiche de ' || (row_json ->> 'first_name') || ' ' || (row_json ->> 'last_name')
           END
$$;

-- Queues a mail to a family (its e-mail, else its account's), signed with its site's name and address.
-- paragraphs: the text paragraphs between 'Bonjour,' and 'Cordialement,'; items (may be empty): a list
-- shown after the first paragraph.
CREATE FUNCTION tutti.queue_family_mail(family_id bigint, kind text, subject_end text, paragraphs text[],
                                        items text[]) RETURNS void
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, tutti
AS $$
DECLARE
    m record;
    recipient text;
    subject text;
    address text;
    body_text text;
    body_html text;
    i integer;
BEGIN
    SELECT f.email, t.id AS site_id, t.name AS site_name, t.address1, t.address2, t.postal_code, t.city, t.phone,
           t.email AS site_email
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
    body_text := 'Bonjour,' || E'\n\n' || paragraphs[1] || E'\n\n';
    body_html := '<!DOCTYPE html>' || E'\n'
        || '<html lang="fr"><head><meta charset="utf-8"><title>' || tutti.html_escape(subject)
        || '</title></head>' || E'\n'
        || '<body style="font-family: sans-serif; line-height: 1.4">' || E'\n'
        || '<p>Bonjour,</p>' || E'\n'
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

-- ---------------------------------------------------------------- submit_changes

CREATE FUNCTION tutti.submit_changes(target text, target_id bigint, changes jsonb) RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, tutti
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
        items := items || (tutti.change_field_label(item.key) || ' : ' || coalesce(item.value, '(vide)'));
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

-- The same with the JSON as text: a client binds it with setString (a varchar resolves to this one).
CREATE FUNCTION tutti.submit_changes(target text, target_id bigint, changes text) RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, tutti
AS $$
DECLARE
    parsed jsonb;
BEGIN
    IF tutti.bound_session_id() IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'TU401', MESSAGE = 'no session';
    END IF;
    BEGIN
        parsed := changes::jsonb;
    EXCEPTION WHEN invalid_text_representation THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:changes';
    END;
    RETURN tutti.submit_changes(target, target_id, parsed);
END
$$;

-- ---------------------------------------------------------------- decide_change

CREATE FUNCTION tutti.decide_change(request_id bigint, accept boolean, comment text, force boolean) RETURNS text
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, tutti
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
    IF NOT FOUND OR req.site_id <> staff_site THEN
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
                       CASE req.field_name WHEN 'birth_date' THEN 'date' ELSE 'text' END)
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

GRANT EXECUTE ON FUNCTION
    tutti.submit_changes(text, bigint, jsonb),
    tutti.submit_changes(text, bigint, text)
TO tutti_family;
GRANT EXECUTE ON FUNCTION tutti.decide_change(bigint, boolean, text, boolean) TO tutti_staff;
