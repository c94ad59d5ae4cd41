-- Issue 13 on PostgreSQL: online re-enrolment with supporting documents (SQL-API.md, "Re-enrolment").
--
--   site.max_document_bytes   the site's limit for one document (2 MB by default, 10 MB at most)
--   submit_reenrolment        a FAMILY session sends one student's request: administrative
--                             re-enrolment or the courses it continues, a comment and the documents
--                             (content in the database, with its size, detected type and SHA-256),
--                             checked here whatever the client says; the confirmation mail and an
--                             audit event in the same transaction
--   decide_reenrolment        a STAFF session of the request's site validates or refuses it; the
--                             family is told by mail
--   document_type_in_use      a document type that a document uses cannot be renamed, moved or removed
--   staff                     reads requests, choices and documents; changes them only through
--                             decide_reenrolment (as change requests, V8)
--
-- Neither function waits for a lock that another session may keep open: lock_timeout 2 s, then
-- TU409 'busy' (ADR 0011).

-- ---------------------------------------------------------------- data model

ALTER TABLE tutti.site ADD COLUMN max_document_bytes integer NOT NULL DEFAULT 2097152;
ALTER TABLE tutti.site ADD CONSTRAINT site_max_document_bytes_ck
    CHECK (max_document_bytes >= 1 AND max_document_bytes <= 10485760);

ALTER TABLE tutti.uploaded_document DROP CONSTRAINT uploaded_document_size_ck;
ALTER TABLE tutti.uploaded_document ADD CONSTRAINT uploaded_document_size_ck
    CHECK (size_bytes > 0 AND size_bytes <= 10485760);

ALTER TABLE tutti.reenrolment_request ADD COLUMN decision_comment varchar(2000);

-- one choice per course the student follows this year (two courses may share a discipline)
ALTER TABLE tutti.reenrolment_choice DROP CONSTRAINT reenrolment_choice_uk;
ALTER TABLE tutti.reenrolment_choice ADD CONSTRAINT reenrolment_choice_uk UNIQUE (request_id, enrolment_id);

-- the limit is no secret: the family's client checks a file against it before sending it
GRANT SELECT (max_document_bytes) ON tutti.site TO tutti_family, tutti_staff;

-- ---------------------------------------------------------------- staff: decisions through the function

REVOKE INSERT, UPDATE, DELETE ON tutti.reenrolment_request, tutti.reenrolment_choice, tutti.uploaded_document
    FROM tutti_staff;
DROP POLICY reenrolment_request_staff ON tutti.reenrolment_request;
CREATE POLICY reenrolment_request_staff ON tutti.reenrolment_request FOR SELECT TO tutti_staff
    USING (student_id IN (SELECT s.id FROM tutti.student s));
DROP POLICY reenrolment_choice_staff ON tutti.reenrolment_choice;
CREATE POLICY reenrolment_choice_staff ON tutti.reenrolment_choice FOR SELECT TO tutti_staff
    USING (request_id IN (SELECT r.id FROM tutti.reenrolment_request r));
DROP POLICY uploaded_document_staff ON tutti.uploaded_document;
CREATE POLICY uploaded_document_staff ON tutti.uploaded_document FOR SELECT TO tutti_staff
    USING (request_id IN (SELECT r.id FROM tutti.reenrolment_request r));

-- ---------------------------------------------------------------- a document type in use

-- Renaming, moving or removing a document type that a family's document uses would orphan the
-- document or change what it was sent as: TU409 'in_use'. Changing whether it is required is fine.
-- SECURITY DEFINER: the documents are counted whatever the caller may see.
CREATE FUNCTION tutti.guard_document_type() RETURNS trigger
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, tutti, pg_temp
AS $$
BEGIN
    IF (TG_OP = 'DELETE' OR NEW.name IS DISTINCT FROM OLD.name OR NEW.campaign_id IS DISTINCT FROM OLD.campaign_id)
       AND EXISTS (SELECT FROM tutti.uploaded_document d WHERE d.document_type_id = OLD.id) THEN
        RAISE EXCEPTION USING ERRCODE = 'TU409', MESSAGE = 'in_use';
    END IF;
    RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END
$$;

CREATE TRIGGER document_type_in_use BEFORE UPDATE OR DELETE ON tutti.document_type
    FOR EACH ROW EXECUTE FUNCTION tutti.guard_document_type();

-- ---------------------------------------------------------------- helpers (no EXECUTE for login roles)

-- The type of a document by its first bytes: JPEG, PNG or PDF; NULL for anything else.
CREATE FUNCTION tutti.document_content_type(content bytea) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, tutti, pg_temp
AS $$
    SELECT CASE
               WHEN pg_catalog.substr(content, 1, 3) = '\xffd8ff'::bytea THEN 'image/jpeg'
               WHEN pg_catalog.substr(content, 1, 8) = '\x89504e470d0a1a0a'::bytea THEN 'image/png'
               WHEN pg_catalog.substr(content, 1, 5) = '\x255044462d'::bytea THEN 'application/pdf'
           END
$$;

-- Whom and what year a request is for: "l'élève Léa Martin pour l'année 2027-2028".
CREATE FUNCTION tutti.reenrolment_subject(request_id bigint) RETURNS text
LANGUAGE sql STABLE SET search_path = pg_catalog, tutti, pg_temp
AS $$
    SELECT 'l''élève ' || concat_ws(' ', s.first_name, s.last_name) || ' pour l''année ' || y.label
      FROM tutti.reenrolment_request r
      JOIN tutti.student s ON s.id = r.student_id
      JOIN tutti.reenrolment_campaign c ON c.id = r.campaign_id
      JOIN tutti.school_year y ON y.id = c.school_year_id
     WHERE r.id = reenrolment_subject.request_id
$$;

-- What a request asks for, one line each: "Réinscription administrative" or "Cours poursuivi : …".
CREATE FUNCTION tutti.reenrolment_items(request_id bigint) RETURNS text[]
LANGUAGE sql STABLE SET search_path = pg_catalog, tutti, pg_temp
AS $$
    SELECT CASE WHEN r.administrative THEN ARRAY['Réinscription administrative']
                ELSE coalesce((SELECT array_agg('Cours poursuivi : ' || c.label ORDER BY c.id)
                                 FROM tutti.reenrolment_choice c WHERE c.request_id = r.id), ARRAY[]::text[])
           END
      FROM tutti.reenrolment_request r
     WHERE r.id = reenrolment_items.request_id
$$;

-- ---------------------------------------------------------------- submit_reenrolment

-- A FAMILY session sends the request of one of its students for its site's open campaign.
--   enrolment_ids  JSON array of the student's enrolments in courses of the current school year
--   documents      JSON array of {"type": document type id, "name": file name, "content": base64}
-- Returns the new request's id. See SQL-API.md for the refusals.
CREATE FUNCTION tutti.submit_reenrolment(student_id bigint, administrative boolean, enrolment_ids text, comment text,
                                         documents text) RETURNS bigint
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, tutti, pg_temp SET lock_timeout = '2s'
AS $$
DECLARE
    live bigint := tutti.bound_session_id();
    acc record;
    campaign record;
    student record;
    site_limit integer;
    chosen jsonb;
    sent jsonb;
    element jsonb;
    enrolments bigint[] := ARRAY[]::bigint[];
    wants_administrative constant boolean := coalesce(submit_reenrolment.administrative, false);
    note text := nullif(btrim(tutti.strip_format_characters(submit_reenrolment.comment), E' \t\r\n'), '');
    type_ids bigint[] := ARRAY[]::bigint[];
    names text[] := ARRAY[]::text[];
    contents bytea[] := ARRAY[]::bytea[];
    kinds text[] := ARRAY[]::text[];
    type_id bigint;
    file_name text;
    content bytea;
    kind text;
    missing bigint;
    request bigint;
    items text[] := ARRAY[]::text[];
    i integer;
BEGIN
    IF live IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'TU401', MESSAGE = 'no session';
    END IF;
    SELECT a.id, a.family_id, f.site_id INTO acc
      FROM tutti.app_session s
      JOIN tutti.account a ON a.id = s.account_id
      JOIN tutti.family f ON f.id = a.family_id
     WHERE s.id = live AND a.role = 'FAMILY';
    SELECT s.id, s.first_name, s.last_name INTO student
      FROM tutti.student s
     WHERE s.id = submit_reenrolment.student_id AND s.family_id = acc.family_id;
    IF acc.family_id IS NULL OR student.id IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'TU403', MESSAGE = 'forbidden';
    END IF;

    SELECT c.id, c.school_year_id INTO campaign
      FROM tutti.reenrolment_campaign c
      JOIN tutti.school_year y ON y.id = c.school_year_id
     WHERE c.site_id = acc.site_id AND c.status = 'OPEN' AND current_date BETWEEN c.opens_on AND c.closes_on
     ORDER BY y.start_date DESC
     LIMIT 1;
    IF campaign.id IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'TU409', MESSAGE = 'campaign_closed';
    END IF;
    IF EXISTS (SELECT FROM tutti.reenrolment_request r
                WHERE r.campaign_id = campaign.id AND r.student_id = student.id) THEN
        RAISE EXCEPTION USING ERRCODE = 'TU409', MESSAGE = 'already_sent';
    END IF;

    -- what is asked: administrative re-enrolment or courses of this year, never both
    BEGIN
        chosen := coalesce(submit_reenrolment.enrolment_ids, '[]')::jsonb;
    EXCEPTION WHEN invalid_text_representation THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:enrolment_ids';
    END;
    IF jsonb_typeof(chosen) <> 'array'
       OR EXISTS (SELECT FROM jsonb_array_elements(chosen) e
                   WHERE jsonb_typeof(e) <> 'number' OR (e #>> '{}') !~ '^[0-9]{1,18}$') THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:enrolment_ids';
    END IF;
    SELECT coalesce(array_agg(DISTINCT (e #>> '{}')::bigint), ARRAY[]::bigint[]) INTO enrolments
      FROM jsonb_array_elements(chosen) e;
    IF NOT wants_administrative AND cardinality(enrolments) = 0 THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'nothing_chosen';
    END IF;
    IF wants_administrative AND cardinality(enrolments) > 0 THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'both_chosen';
    END IF;
    IF (SELECT count(*) FROM tutti.enrolment e
          JOIN tutti.course c ON c.id = e.course_id
          JOIN tutti.school_year y ON y.id = c.school_year_id
         WHERE e.id = ANY (enrolments) AND e.student_id = student.id AND y.is_current
           AND c.site_id = acc.site_id) <> cardinality(enrolments) THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:enrolment';
    END IF;
    IF char_length(note) > 4000 THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'too_long:comment:4000';
    END IF;

    -- every document is checked before anything is stored
    SELECT t.max_document_bytes INTO site_limit FROM tutti.site t WHERE t.id = acc.site_id;
    BEGIN
        sent := coalesce(submit_reenrolment.documents, '[]')::jsonb;
    EXCEPTION WHEN invalid_text_representation THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:documents';
    END;
    IF jsonb_typeof(sent) <> 'array' THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:documents';
    END IF;
    FOR element IN SELECT e FROM jsonb_array_elements(sent) e LOOP
        IF jsonb_typeof(element) <> 'object' OR jsonb_typeof(element -> 'name') IS DISTINCT FROM 'string'
           OR jsonb_typeof(element -> 'content') IS DISTINCT FROM 'string' THEN
            RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:documents';
        END IF;
        IF jsonb_typeof(element -> 'type') IS DISTINCT FROM 'number' OR (element ->> 'type') !~ '^[0-9]{1,18}$'
           OR NOT EXISTS (SELECT FROM tutti.document_type d
                           WHERE d.id = (element ->> 'type')::bigint AND d.campaign_id = campaign.id) THEN
            RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:type';
        END IF;
        type_id := (element ->> 'type')::bigint;
        -- the name without its directory and without invisible format characters
        file_name := btrim(pg_catalog.regexp_replace(tutti.strip_format_characters(element ->> 'name'), '^.*[/\\]', ''),
                           E' \t\r\n');
        IF file_name = '' THEN
            RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:name';
        END IF;
        IF char_length(file_name) > 255 THEN
            RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'too_long:name:255';
        END IF;
        BEGIN
            content := pg_catalog.decode(element ->> 'content', 'base64');
        EXCEPTION WHEN OTHERS THEN
            RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:content';
        END;
        IF pg_catalog.length(content) = 0 THEN
            RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'empty';
        END IF;
        IF pg_catalog.length(content) > site_limit THEN
            RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'too_large:' || site_limit;
        END IF;
        kind := tutti.document_content_type(content);
        IF kind IS NULL THEN
            RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'unsupported_type';
        END IF;
        type_ids := type_ids || type_id;
        names := names || file_name;
        contents := contents || content;
        kinds := kinds || kind;
    END LOOP;
    SELECT d.id INTO missing
      FROM tutti.document_type d
     WHERE d.campaign_id = campaign.id AND d.required AND NOT d.id = ANY (type_ids)
     ORDER BY d.id
     LIMIT 1;
    IF missing IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'missing_document:' || missing;
    END IF;

    -- the writes: another transaction that holds this student's request (or its row) makes them
    -- wait 2 s at most
    BEGIN
        INSERT INTO tutti.reenrolment_request (campaign_id, student_id, administrative, comment, status,
                                               submitted_by, submitted_at)
        VALUES (campaign.id, student.id, wants_administrative, note, 'PENDING', acc.id, now())
        RETURNING id INTO request;
        INSERT INTO tutti.reenrolment_choice (request_id, discipline_id, enrolment_id, label)
        SELECT request, c.discipline_id, e.id, left(CASE WHEN left(lower(c.class_label), char_length(d.name)) = lower(d.name) THEN c.class_label ELSE d.name || ' — ' || c.class_label END, 160)
          FROM tutti.enrolment e
          JOIN tutti.course c ON c.id = e.course_id
          JOIN tutti.discipline d ON d.id = c.discipline_id
         WHERE e.id = ANY (enrolments)
         ORDER BY e.id;
        FOR i IN 1 .. cardinality(contents) LOOP
            INSERT INTO tutti.uploaded_document (request_id, document_type_id, file_name, content_type, size_bytes,
                                                 sha256, content, uploaded_at)
            VALUES (request, type_ids[i], names[i], kinds[i], pg_catalog.length(contents[i]),
                    pg_catalog.encode(pg_catalog.sha256(contents[i]), 'hex'), contents[i], now());
        END LOOP;
    EXCEPTION
        WHEN unique_violation THEN
            RAISE EXCEPTION USING ERRCODE = 'TU409', MESSAGE = 'already_sent';
        WHEN lock_not_available THEN
            RAISE EXCEPTION USING ERRCODE = 'TU409', MESSAGE = 'busy';
    END;

    items := tutti.reenrolment_items(request);
    FOR i IN 1 .. cardinality(contents) LOOP
        items := items || ((SELECT d.name FROM tutti.document_type d WHERE d.id = type_ids[i]) || ' : ' || names[i]);
    END LOOP;
    PERFORM tutti.queue_family_mail(acc.family_id, 'REENROL_ACK', 'demande de réinscription reçue',
        ARRAY['Nous avons bien reçu votre demande de réinscription de ' || tutti.reenrolment_subject(request) || ' :',
              'L''accueil va l''examiner et vous recevrez un message quand elle sera validée ou refusée. '
                  || 'D''ici là, l''onglet Réinscription de Tutti indique « Réinscription en attente de validation ».',
              'Si vous n''êtes pas à l''origine de cette demande, prévenez l''accueil.'],
        items);
    PERFORM tutti.audit(acc.site_id, acc.id, 'REENROL_SUBMITTED',
                        format('request %s: student %s, %s course(s)%s, %s document(s)', request, student.id,
                               cardinality(enrolments), CASE WHEN wants_administrative THEN ' (administrative)' ELSE '' END,
                               cardinality(contents)));
    RETURN request;
END
$$;

-- ---------------------------------------------------------------- decide_reenrolment

-- A STAFF session of the request's site validates (accept) or refuses it: 'VALIDATED' or 'REJECTED'.
CREATE FUNCTION tutti.decide_reenrolment(request_id bigint, accept boolean, comment text) RETURNS text
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, tutti, pg_temp SET lock_timeout = '2s'
AS $$
DECLARE
    live bigint := tutti.bound_session_id();
    staff_site bigint;
    staff_account bigint;
    req record;
    outcome text;
    note text := nullif(btrim(tutti.strip_format_characters(decide_reenrolment.comment), E' \t\r\n'), '');
    paragraphs text[];
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
    -- not locked yet: whose request it is (campaign and student never change)
    SELECT r.id, c.site_id, s.family_id INTO req
      FROM tutti.reenrolment_request r
      JOIN tutti.reenrolment_campaign c ON c.id = r.campaign_id
      JOIN tutti.student s ON s.id = r.student_id
     WHERE r.id = decide_reenrolment.request_id;
    IF req.id IS NULL OR req.site_id <> staff_site THEN
        RAISE EXCEPTION USING ERRCODE = 'TU403', MESSAGE = 'forbidden';
    END IF;
    IF decide_reenrolment.accept IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:accept';
    END IF;
    IF char_length(note) > 2000 THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'too_long:comment:2000';
    END IF;
    BEGIN
        PERFORM FROM tutti.reenrolment_request r WHERE r.id = req.id AND r.status = 'PENDING' FOR UPDATE;
        IF NOT FOUND THEN
            RAISE EXCEPTION USING ERRCODE = 'TU409', MESSAGE = 'already_decided';
        END IF;
        outcome := CASE WHEN decide_reenrolment.accept THEN 'VALIDATED' ELSE 'REJECTED' END;
        UPDATE tutti.reenrolment_request r
           SET status = outcome, decided_by = staff_account, decided_at = now(), decision_comment = note,
               version = r.version + 1
         WHERE r.id = req.id;
    EXCEPTION WHEN lock_not_available THEN
        RAISE EXCEPTION USING ERRCODE = 'TU409', MESSAGE = 'busy';
    END;

    IF decide_reenrolment.accept THEN
        paragraphs := ARRAY['La demande de réinscription de ' || tutti.reenrolment_subject(req.id) || ' a été validée :'];
        IF note IS NOT NULL THEN
            paragraphs := paragraphs || ('Message de l''accueil : ' || note);
        END IF;
        paragraphs := paragraphs || 'Pour toute question, contactez l''accueil.'::text;
        PERFORM tutti.queue_family_mail(req.family_id, 'REENROL_ACCEPTED', 'réinscription validée', paragraphs,
                                        tutti.reenrolment_items(req.id));
    ELSE
        PERFORM tutti.queue_family_mail(req.family_id, 'REENROL_REJECTED', 'réinscription refusée',
            ARRAY['La demande de réinscription de ' || tutti.reenrolment_subject(req.id) || ' n''a pas été acceptée :',
                  'Motif : ' || coalesce(note, 'non précisé'),
                  'Pour toute question, contactez l''accueil.'],
            tutti.reenrolment_items(req.id));
    END IF;
    PERFORM tutti.audit(staff_site, staff_account, 'REENROL_' || outcome, format('request %s', req.id));
    RETURN outcome;
END
$$;

GRANT EXECUTE ON FUNCTION tutti.submit_reenrolment(bigint, boolean, text, text, text) TO tutti_family;
GRANT EXECUTE ON FUNCTION tutti.decide_reenrolment(bigint, boolean, text) TO tutti_staff;
