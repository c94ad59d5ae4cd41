-- Issue 12 (forms; what the family learns in the app) on PostgreSQL (SQL-API.md, "Change requests"):
--
--   change_value       strips the invisible bidirectional and zero-width format characters before
--                      anything else (a city stored as "…\u202EXY ZTN" showed reversed in the staff
--                      queue); a value over its column's length raises TU422 'too_long:<field>:<max>'
--   change_max_length  each field's length limit, the column's (the client's limits are tested
--                      against it)
--   submit_changes     a 4-argument form that also receives, per field, the pending request the
--                      family's screen showed ({field: request id or null}): when another session of
--                      the family (the other parent's computer) replaced it meanwhile, TU409
--                      'replaced:<field>' and nothing is recorded. Every form raises TU409
--                      'already_pending:<field>' when nothing was recorded because a submitted value
--                      equals the one already pending (nothing recorded, no mail, as before).
--   acknowledge_change a family marks one of its refused requests as seen (change_request.seen_at):
--                      the screen shows a refused change until then
--
-- Stripped rather than refused: the characters are invisible, a parent pasting an address from a web
-- page or a PDF cannot see them to remove them, and what remains is exactly the visible text. The
-- cost: a name written in a script that needs U+200C/U+200D (Persian, Indic) loses them; the school's
-- files are Latin-script.

ALTER TABLE tutti.change_request ADD COLUMN seen_at timestamp with time zone;

-- ---------------------------------------------------------------- helpers (no EXECUTE for login roles)

-- The length limit of a field: its column's (birth_date: yyyy-mm-dd).
CREATE FUNCTION tutti.change_max_length(field text) RETURNS integer
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, tutti, pg_temp
AS $$
    SELECT CASE field
               WHEN 'civility' THEN 4 WHEN 'sex' THEN 1 WHEN 'postal_code' THEN 10
               WHEN 'last_name' THEN 80 WHEN 'first_name' THEN 80 WHEN 'city' THEN 80
               WHEN 'address1' THEN 120 WHEN 'address2' THEN 120 WHEN 'country' THEN 60
               WHEN 'email' THEN 254 WHEN 'school_level' THEN 40 WHEN 'birth_date' THEN 10
               WHEN 'phone_home' THEN 20 WHEN 'phone_mobile' THEN 20 WHEN 'phone_work' THEN 20
           END
$$;

-- The invisible format characters removed from every submitted value: the Arabic letter mark, the
-- zero-width ones and the direction marks (U+200B–U+200F), the line and paragraph separators and the
-- bidirectional embeddings and overrides (U+2028–U+202E), the word joiner, the bidirectional isolates
-- (U+2066–U+2069) and the byte order mark. Same list: ChangeRequests.FORMAT_CHARACTERS (H2) and the
-- client's FieldRules.
CREATE FUNCTION tutti.strip_format_characters(value text) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, tutti, pg_temp
AS $$
    SELECT pg_catalog.regexp_replace(value, '[\u061C\u200B-\u200F\u2028-\u202E\u2060\u2066-\u2069\uFEFF]', '', 'g')
$$;

CREATE OR REPLACE FUNCTION tutti.change_value(field text, value jsonb) RETURNS text
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, tutti, pg_temp
AS $$
DECLARE
    v text;
    digits text;
    d date;
    max_length integer := tutti.change_max_length(field);
BEGIN
    IF value IS NULL OR jsonb_typeof(value) = 'null' THEN
        v := NULL;
    ELSIF jsonb_typeof(value) = 'string' THEN
        v := nullif(btrim(tutti.strip_format_characters(value #>> '{}'), E' \t\r\n'), '');
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
    IF char_length(v) > coalesce(max_length, 0) THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'too_long:' || field || ':' || coalesce(max_length, 0);
    END IF;
    RETURN v;
END
$$;

-- ---------------------------------------------------------------- submit_changes

-- shown: NULL (no check), or {field: the id of the pending request the screen showed, or null}.
CREATE FUNCTION tutti.submit_changes(target text, target_id bigint, changes jsonb, shown jsonb) RETURNS integer
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
    pending_id bigint;
    pending_value text;
    has_pending boolean;
    recorded integer := 0;
    same_as_pending text;
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
    IF shown IS NOT NULL AND (jsonb_typeof(shown) <> 'object'
                              OR EXISTS (SELECT FROM jsonb_each(shown) e
                                          WHERE jsonb_typeof(e.value) NOT IN ('number', 'null')
                                             OR (jsonb_typeof(e.value) = 'number'
                                                 AND (e.value #>> '{}') !~ '^[0-9]{1,18}$'))) THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:shown';
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
        has_pending := false;
        pending_id := NULL;
        pending_value := NULL;
        SELECT true, c.id, c.new_value INTO has_pending, pending_id, pending_value
          FROM tutti.change_request c
         WHERE c.target = kind AND c.target_id = submit_changes.target_id AND c.field_name = item.key
           AND c.status = 'PENDING'
         ORDER BY c.id DESC LIMIT 1
           FOR UPDATE;
        has_pending := coalesce(has_pending, false);
        -- the other parent's computer replaced (or made) the pending change this screen showed
        IF shown ? item.key AND pending_id IS DISTINCT FROM (shown ->> item.key)::bigint THEN
            RAISE EXCEPTION USING ERRCODE = 'TU409', MESSAGE = 'replaced:' || item.key;
        END IF;
        IF has_pending AND item.value IS NOT DISTINCT FROM pending_value THEN
            same_as_pending := coalesce(same_as_pending, item.key);
            CONTINUE;
        END IF;
        IF NOT has_pending AND item.value IS NOT DISTINCT FROM current_value THEN
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

    IF recorded = 0 AND same_as_pending IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'TU409', MESSAGE = 'already_pending:' || same_as_pending;
    END IF;
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

-- The same with both JSON objects as text: a client binds them with setString.
CREATE FUNCTION tutti.submit_changes(target text, target_id bigint, changes text, shown text) RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, tutti, pg_temp
AS $$
DECLARE
    parsed jsonb;
    parsed_shown jsonb;
BEGIN
    IF tutti.bound_session_id() IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'TU401', MESSAGE = 'no session';
    END IF;
    BEGIN
        parsed := changes::jsonb;
    EXCEPTION WHEN invalid_text_representation THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:changes';
    END;
    BEGIN
        parsed_shown := shown::jsonb;
    EXCEPTION WHEN invalid_text_representation THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:shown';
    END;
    RETURN tutti.submit_changes(target, target_id, parsed, parsed_shown);
END
$$;

-- The 3-argument form of version 5 (its text twin calls it): no check of what the screen showed.
CREATE OR REPLACE FUNCTION tutti.submit_changes(target text, target_id bigint, changes jsonb) RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, tutti, pg_temp
AS $$
BEGIN
    RETURN tutti.submit_changes(target, target_id, changes, NULL::jsonb);
END
$$;

-- ---------------------------------------------------------------- acknowledge_change

-- A FAMILY session marks one of its REJECTED requests as seen; true when it was not seen yet, false
-- when already seen. TU403 for a request that is not its family's (or does not exist: not told apart)
-- or that is not REJECTED.
CREATE FUNCTION tutti.acknowledge_change(request_id bigint) RETURNS boolean
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, tutti, pg_temp
AS $$
DECLARE
    live bigint := tutti.bound_session_id();
    own_family bigint;
    req record;
BEGIN
    IF live IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'TU401', MESSAGE = 'no session';
    END IF;
    SELECT a.family_id INTO own_family
      FROM tutti.app_session s JOIN tutti.account a ON a.id = s.account_id
     WHERE s.id = live AND a.role = 'FAMILY';
    SELECT c.status, c.seen_at INTO req
      FROM tutti.change_request c
     WHERE c.id = acknowledge_change.request_id AND c.family_id = own_family;
    IF own_family IS NULL OR NOT FOUND OR req.status <> 'REJECTED' THEN
        RAISE EXCEPTION USING ERRCODE = 'TU403', MESSAGE = 'forbidden';
    END IF;
    IF req.seen_at IS NOT NULL THEN
        RETURN false;
    END IF;
    UPDATE tutti.change_request c SET seen_at = now(), version = c.version + 1
     WHERE c.id = acknowledge_change.request_id AND c.seen_at IS NULL;
    RETURN FOUND;
END
$$;

GRANT EXECUTE ON FUNCTION
    tutti.submit_changes(text, bigint, jsonb, jsonb),
    tutti.submit_changes(text, bigint, text, text),
    tutti.acknowledge_change(bigint)
TO tutti_family;
