-- Issue 16 (the front desk), part "file" on PostgreSQL (SQL-API.md, "Front desk — file"):
--
--   staff_edit   a STAFF session changes a family or a student of its site at once, with the
--                fields, the checks and the refusals of submit_changes (change_fields, change_value,
--                change_max_length: called, not copied); only the fields whose value really changes
--                are written (version + 1) and counted; one audit row (FAMILY_EDITED /
--                STUDENT_EDITED) names the family and keeps the changed columns' old and new values
--                as JSON objects
--
-- Pending change requests: a family's PENDING request for a field staff have just changed is closed
-- as SUPERSEDED (decided by the staff account, with a comment). Left open, an accept would later
-- lay the family's older value over the staff's (or stop on a conflict that nobody can explain to
-- the family); the family's screen shows the field's new value with no pending marker. Requests for
-- fields staff did not change stay pending.
--
-- No dynamic SQL: the UPDATE lists every column of the catalogue and keeps the ones not changed.

CREATE FUNCTION tutti.staff_edit(target text, target_id bigint, changes text) RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, tutti, pg_temp SET lock_timeout = '2s'
AS $$
DECLARE
    staff record := tutti.billing_staff();
    kind constant text := upper(coalesce(staff_edit.target, ''));
    parsed jsonb;
    normalized jsonb := '{}'::jsonb;
    applied jsonb := '{}'::jsonb;
    tgt record;
    item record;
    family bigint;
    fields text[] := ARRAY[]::text[];
    labels text[] := ARRAY[]::text[];
    before_json text;
    after_json text;
    changed integer;
BEGIN
    IF kind NOT IN ('FAMILY', 'STUDENT') OR staff_edit.target_id IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'TU403', MESSAGE = 'forbidden';
    END IF;
    -- the site first (another site's row is never locked, and answers as a missing one)
    SELECT f.id INTO family
      FROM tutti.family f
     WHERE f.site_id = staff.site_id
       AND f.id = CASE kind WHEN 'FAMILY' THEN staff_edit.target_id
                            ELSE (SELECT s.family_id FROM tutti.student s WHERE s.id = staff_edit.target_id) END;
    IF family IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'TU403', MESSAGE = 'forbidden';
    END IF;
    BEGIN
        parsed := staff_edit.changes::jsonb;
    EXCEPTION WHEN invalid_text_representation THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:changes';
    END;
    IF parsed IS NULL OR jsonb_typeof(parsed) <> 'object' THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:changes';
    END IF;
    -- every field is checked before anything is written, in the order of their names
    FOR item IN SELECT e.key, e.value FROM jsonb_each(parsed) e ORDER BY e.key COLLATE "C" LOOP
        IF NOT item.key = ANY (tutti.change_fields(kind)) THEN
            RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'unknown_field:' || left(item.key, 60);
        END IF;
        normalized := normalized || jsonb_build_object(item.key, tutti.change_value(item.key, item.value));
    END LOOP;

    BEGIN
        SELECT * INTO tgt FROM tutti.change_target_row(kind, staff_edit.target_id);
        IF tgt.family_id IS DISTINCT FROM family THEN
            RAISE EXCEPTION USING ERRCODE = 'TU403', MESSAGE = 'forbidden';
        END IF;
        FOR item IN SELECT e.key, e.value FROM jsonb_each_text(normalized) e ORDER BY e.key COLLATE "C" LOOP
            IF item.value IS DISTINCT FROM (tgt.row_json ->> item.key) THEN
                applied := applied || jsonb_build_object(item.key, item.value);
                fields := fields || item.key;
                labels := labels || tutti.change_field_label(item.key);
            END IF;
        END LOOP;
        changed := coalesce(array_length(fields, 1), 0);
        IF changed > 0 THEN
            IF kind = 'FAMILY' THEN
                UPDATE tutti.family f SET
                    civility = CASE WHEN applied ? 'civility' THEN applied ->> 'civility' ELSE f.civility END,
                    last_name = CASE WHEN applied ? 'last_name' THEN applied ->> 'last_name' ELSE f.last_name END,
                    first_name = CASE WHEN applied ? 'first_name' THEN applied ->> 'first_name' ELSE f.first_name END,
                    address1 = CASE WHEN applied ? 'address1' THEN applied ->> 'address1' ELSE f.address1 END,
                    address2 = CASE WHEN applied ? 'address2' THEN applied ->> 'address2' ELSE f.address2 END,
                    postal_code = CASE WHEN applied ? 'postal_code' THEN applied ->> 'postal_code' ELSE f.postal_code END,
                    city = CASE WHEN applied ? 'city' THEN applied ->> 'city' ELSE f.city END,
                    country = CASE WHEN applied ? 'country' THEN applied ->> 'country' ELSE f.country END,
                    phone_home = CASE WHEN applied ? 'phone_home' THEN applied ->> 'phone_home' ELSE f.phone_home END,
                    phone_mobile = CASE WHEN applied ? 'phone_mobile' THEN applied ->> 'phone_mobile' ELSE f.phone_mobile END,
                    phone_work = CASE WHEN applied ? 'phone_work' THEN applied ->> 'phone_work' ELSE f.phone_work END,
                    email = CASE WHEN applied ? 'email' THEN applied ->> 'email' ELSE f.email END,
                    version = f.version + 1
                 WHERE f.id = staff_edit.target_id;
            ELSE
                UPDATE tutti.student s SET
                    last_name = CASE WHEN applied ? 'last_name' THEN applied ->> 'last_name' ELSE s.last_name END,
                    first_name = CASE WHEN applied ? 'first_name' THEN applied ->> 'first_name' ELSE s.first_name END,
                    sex = CASE WHEN applied ? 'sex' THEN applied ->> 'sex' ELSE s.sex END,
                    birth_date = CASE WHEN applied ? 'birth_date' THEN (applied ->> 'birth_date')::date ELSE s.birth_date END,
                    email = CASE WHEN applied ? 'email' THEN applied ->> 'email' ELSE s.email END,
                    phone_mobile = CASE WHEN applied ? 'phone_mobile' THEN applied ->> 'phone_mobile' ELSE s.phone_mobile END,
                    school_level = CASE WHEN applied ? 'school_level' THEN applied ->> 'school_level' ELSE s.school_level END,
                    version = s.version + 1
                 WHERE s.id = staff_edit.target_id;
            END IF;
            UPDATE tutti.change_request c
               SET status = 'SUPERSEDED', decided_by = staff.account_id, decided_at = now(),
                   decision_comment = 'Modifié à l’accueil', version = c.version + 1
             WHERE c.target = kind AND c.target_id = staff_edit.target_id AND c.status = 'PENDING'
               AND c.field_name = ANY (fields);
        END IF;
    EXCEPTION WHEN lock_not_available THEN
        RAISE EXCEPTION USING ERRCODE = 'TU409', MESSAGE = 'busy';
    END;
    IF changed = 0 THEN
        RETURN 0;
    END IF;
    -- compact JSON objects, keys in the order of their names: {"city":"Lyon"}
    SELECT '{' || string_agg(to_json(f.name)::text || ':' || coalesce(to_json(tgt.row_json ->> f.name)::text, 'null'),
                             ',' ORDER BY f.name COLLATE "C") || '}',
           '{' || string_agg(to_json(f.name)::text || ':' || coalesce(to_json(applied ->> f.name)::text, 'null'),
                             ',' ORDER BY f.name COLLATE "C") || '}'
      INTO before_json, after_json
      FROM unnest(fields) AS f(name);
    PERFORM tutti.audit_staff(family, kind || '_EDITED',
        'Modifié à l’accueil'
            || CASE kind WHEN 'STUDENT'
                   THEN ' (' || concat_ws(' ', tgt.row_json ->> 'first_name', tgt.row_json ->> 'last_name') || ')'
                   ELSE '' END
            || ' : ' || array_to_string(labels, ', '),
        before_json, after_json);
    RETURN changed;
END
$$;

GRANT EXECUTE ON FUNCTION tutti.staff_edit(text, bigint, text) TO tutti_staff;
REVOKE EXECUTE ON FUNCTION tutti.staff_edit(text, bigint, text) FROM PUBLIC;
