-- Issue 16 (the front desk), part "pedagogy": a course's absences and evaluations entered at the
-- front desk (SQL-API.md, "Front desk — pedagogy").
--
--   reads                    none needed: a staff session already reads its site's courses, their
--                            enrolments, students, families, teachers, disciplines and cycles
--                            through its grants and row-level security (V2, V8)
--   absence, evaluation      staff read them as before; they write them only through the functions
--                            below, which check the course's site and write the audit row
--   record_absences          the absences of one date for a course's students, in one call
--   record_evaluation        one student's evaluation of a course

-- ---------------------------------------------------------------- staff: writes through the functions

REVOKE INSERT, UPDATE, DELETE ON tutti.absence, tutti.evaluation FROM tutti_staff;
DROP POLICY evaluation_staff ON tutti.evaluation;
CREATE POLICY evaluation_staff ON tutti.evaluation FOR SELECT TO tutti_staff
    USING (enrolment_id IN (SELECT e.id FROM tutti.enrolment e));
DROP POLICY absence_staff ON tutti.absence;
CREATE POLICY absence_staff ON tutti.absence FOR SELECT TO tutti_staff
    USING (enrolment_id IN (SELECT e.id FROM tutti.enrolment e));

-- ---------------------------------------------------------------- helpers (no EXECUTE for login roles)

-- How the audit names one student's state on a date: "aucune absence", "absence non excusée",
-- "absence excusée — Malade".
CREATE FUNCTION tutti.absence_state(absent boolean, excused boolean, reason text) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, tutti, pg_temp
AS $$
    SELECT CASE WHEN NOT absent THEN 'aucune absence'
                ELSE CASE WHEN excused THEN 'absence excusée' ELSE 'absence non excusée' END
                     || coalesce(' — ' || reason, '') END
$$;

-- ---------------------------------------------------------------- record_absences

-- A STAFF session records the absences of absence_date for a course of its site. entries: JSON
-- array of {"enrolment": id, "absent": true|false, "excused": true|false, "reason": text|null}, one
-- per student listed (an enrolment of that course, at most once). An absent student gets one
-- absence row on that date (created, or updated when there is one: start time and duration from
-- the course's slot); a student not absent loses that date's absence rows. One ABSENCE_RECORDED
-- audit row per family whose rows changed, with the students' states before and after. Returns
-- the number of students absent. See SQL-API.md for the refusals.
CREATE FUNCTION tutti.record_absences(course_id bigint, absence_date date, entries text) RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, tutti, pg_temp SET lock_timeout = '2s'
AS $$
DECLARE
    staff record := tutti.billing_staff();
    course record;
    sent jsonb;
    element jsonb;
    enrolment bigint;
    enrolments bigint[] := ARRAY[]::bigint[];
    absents boolean[] := ARRAY[]::boolean[];
    excuseds boolean[] := ARRAY[]::boolean[];
    reasons text[] := ARRAY[]::text[];
    reason text;
    excused boolean;
    absent_count integer := 0;
    pupil record;
    before_state text;
    after_state text;
    families bigint[] := ARRAY[]::bigint[];
    befores text[] := ARRAY[]::text[];
    afters text[] := ARRAY[]::text[];
    slot integer;
    i integer;
BEGIN
    SELECT c.id, c.start_time, c.duration_minutes, y.start_date, y.end_date, d.name AS discipline INTO course
      FROM tutti.course c
      JOIN tutti.school_year y ON y.id = c.school_year_id
      JOIN tutti.discipline d ON d.id = c.discipline_id
     WHERE c.id = record_absences.course_id AND c.site_id = staff.site_id;
    IF course.id IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'TU403', MESSAGE = 'forbidden';
    END IF;
    IF record_absences.absence_date IS NULL OR record_absences.absence_date > current_date
       OR record_absences.absence_date < course.start_date OR record_absences.absence_date > course.end_date THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:absence_date';
    END IF;
    BEGIN
        sent := record_absences.entries::jsonb;
    EXCEPTION WHEN invalid_text_representation THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:entries';
    END;
    IF sent IS NULL OR jsonb_typeof(sent) <> 'array' OR jsonb_array_length(sent) NOT BETWEEN 1 AND 500 THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:entries';
    END IF;
    FOR element IN SELECT e FROM jsonb_array_elements(sent) e LOOP
        IF jsonb_typeof(element) <> 'object' THEN
            RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:entries';
        END IF;
        enrolment := NULL;
        IF jsonb_typeof(element -> 'enrolment') = 'number' AND (element ->> 'enrolment') ~ '^[0-9]{1,18}$' THEN
            SELECT e.id INTO enrolment FROM tutti.enrolment e
             WHERE e.id = (element ->> 'enrolment')::bigint AND e.course_id = course.id;
        END IF;
        IF enrolment IS NULL OR enrolment = ANY (enrolments) THEN
            RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:enrolment';
        END IF;
        IF coalesce(jsonb_typeof(element -> 'absent'), 'null') <> 'boolean' THEN
            RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:absent';
        END IF;
        IF coalesce(jsonb_typeof(element -> 'excused'), 'null') NOT IN ('boolean', 'null') THEN
            RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:excused';
        END IF;
        IF coalesce(jsonb_typeof(element -> 'reason'), 'null') NOT IN ('string', 'null') THEN
            RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:reason';
        END IF;
        reason := nullif(btrim(tutti.strip_format_characters(element ->> 'reason'), E' \t\r\n'), '');
        IF char_length(reason) > 400 THEN
            RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'too_long:reason:400';
        END IF;
        excused := coalesce((element ->> 'excused')::boolean, false);
        enrolments := enrolments || enrolment;
        absents := absents || (element ->> 'absent')::boolean;
        excuseds := excuseds || CASE WHEN (element ->> 'absent')::boolean THEN excused ELSE false END;
        reasons := reasons || CASE WHEN (element ->> 'absent')::boolean THEN reason END;
    END LOOP;

    BEGIN
        -- the enrolments in id order: two recordings of one course take turns, never deadlock
        PERFORM e.id FROM tutti.enrolment e WHERE e.id = ANY (enrolments) ORDER BY e.id FOR UPDATE;
        FOR i IN 1 .. cardinality(enrolments) LOOP
            SELECT st.family_id, st.first_name || ' ' || st.last_name AS name,
                   (SELECT a.excused FROM tutti.absence a
                     WHERE a.enrolment_id = enrolments[i] AND a.absence_date = record_absences.absence_date
                     ORDER BY a.id LIMIT 1) AS was_excused,
                   (SELECT a.reason FROM tutti.absence a
                     WHERE a.enrolment_id = enrolments[i] AND a.absence_date = record_absences.absence_date
                     ORDER BY a.id LIMIT 1) AS was_reason,
                   EXISTS (SELECT FROM tutti.absence a
                            WHERE a.enrolment_id = enrolments[i] AND a.absence_date = record_absences.absence_date)
                       AS was_absent
              INTO pupil
              FROM tutti.enrolment e JOIN tutti.student st ON st.id = e.student_id
             WHERE e.id = enrolments[i];
            before_state := tutti.absence_state(pupil.was_absent, pupil.was_excused, pupil.was_reason);
            after_state := tutti.absence_state(absents[i], excuseds[i], reasons[i]);
            IF absents[i] THEN
                absent_count := absent_count + 1;
                UPDATE tutti.absence a
                   SET excused = excuseds[i], reason = reasons[i], start_time = course.start_time,
                       duration_minutes = course.duration_minutes, version = a.version + 1
                 WHERE a.enrolment_id = enrolments[i] AND a.absence_date = record_absences.absence_date
                   AND (a.excused, a.reason, a.start_time, a.duration_minutes)
                       IS DISTINCT FROM (excuseds[i], reasons[i], course.start_time, course.duration_minutes);
                IF NOT pupil.was_absent THEN
                    INSERT INTO tutti.absence (enrolment_id, absence_date, start_time, duration_minutes, excused, reason)
                    VALUES (enrolments[i], record_absences.absence_date, course.start_time, course.duration_minutes,
                            excuseds[i], reasons[i]);
                END IF;
            ELSE
                DELETE FROM tutti.absence a
                 WHERE a.enrolment_id = enrolments[i] AND a.absence_date = record_absences.absence_date;
            END IF;
            IF before_state <> after_state THEN
                slot := array_position(families, pupil.family_id);
                IF slot IS NULL THEN
                    families := families || pupil.family_id;
                    befores := befores || ''::text;
                    afters := afters || ''::text;
                    slot := cardinality(families);
                END IF;
                befores[slot] := befores[slot] || CASE WHEN befores[slot] = '' THEN '' ELSE ',' END
                                 || to_json(pupil.name)::text || ':' || to_json(before_state)::text;
                afters[slot] := afters[slot] || CASE WHEN afters[slot] = '' THEN '' ELSE ',' END
                                || to_json(pupil.name)::text || ':' || to_json(after_state)::text;
            END IF;
        END LOOP;
    EXCEPTION WHEN lock_not_available THEN
        RAISE EXCEPTION USING ERRCODE = 'TU409', MESSAGE = 'busy';
    END;
    FOR i IN 1 .. cardinality(families) LOOP
        PERFORM tutti.audit_staff(families[i], 'ABSENCE_RECORDED',
                                  format('Absences du %s saisies (%s)', to_char(record_absences.absence_date, 'DD/MM/YYYY'),
                                         course.discipline),
                                  '{' || befores[i] || '}', '{' || afters[i] || '}');
    END LOOP;
    RETURN absent_count;
END
$$;

-- ---------------------------------------------------------------- record_evaluation

-- A STAFF session records one evaluation of an enrolment of its site's course, by the course's
-- teacher: kind CONTINUOUS, MIDTERM, EXAM or AUDITION; mark 0..20 with at most two decimals, or a
-- mention, or both; an appreciation. Audited EVALUATION_RECORDED with what was recorded. Returns
-- the evaluation's id. See SQL-API.md for the refusals.
CREATE FUNCTION tutti.record_evaluation(enrolment_id bigint, evaluation_date date, kind text, mark numeric,
                                        mention text, appreciation text) RETURNS bigint
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, tutti, pg_temp SET lock_timeout = '2s'
AS $$
DECLARE
    staff record := tutti.billing_staff();
    sheet record;
    clean_mention text;
    clean_appreciation text;
    created bigint;
BEGIN
    SELECT e.id, c.teacher_id, y.start_date, y.end_date, d.name AS discipline, st.family_id,
           st.first_name || ' ' || st.last_name AS student INTO sheet
      FROM tutti.enrolment e
      JOIN tutti.course c ON c.id = e.course_id
      JOIN tutti.school_year y ON y.id = c.school_year_id
      JOIN tutti.discipline d ON d.id = c.discipline_id
      JOIN tutti.student st ON st.id = e.student_id
     WHERE e.id = record_evaluation.enrolment_id AND c.site_id = staff.site_id;
    IF sheet.id IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'TU403', MESSAGE = 'forbidden';
    END IF;
    IF record_evaluation.kind IS NULL OR record_evaluation.kind NOT IN ('CONTINUOUS', 'MIDTERM', 'EXAM', 'AUDITION') THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:kind';
    END IF;
    IF record_evaluation.evaluation_date IS NULL OR record_evaluation.evaluation_date > current_date
       OR record_evaluation.evaluation_date < sheet.start_date OR record_evaluation.evaluation_date > sheet.end_date THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:evaluation_date';
    END IF;
    IF record_evaluation.mark IS NOT NULL AND (record_evaluation.mark < 0 OR record_evaluation.mark > 20
                                               OR record_evaluation.mark <> round(record_evaluation.mark, 2)) THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:mark';
    END IF;
    clean_mention := nullif(btrim(tutti.strip_format_characters(record_evaluation.mention), E' \t\r\n'), '');
    IF char_length(clean_mention) > 40 THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'too_long:mention:40';
    END IF;
    clean_appreciation := nullif(btrim(tutti.strip_format_characters(record_evaluation.appreciation), E' \t\r\n'), '');
    IF char_length(clean_appreciation) > 4000 THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'too_long:appreciation:4000';
    END IF;
    IF record_evaluation.mark IS NULL AND clean_mention IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:mark';
    END IF;
    BEGIN
        INSERT INTO tutti.evaluation (enrolment_id, teacher_id, evaluation_date, kind, mark, mention, appreciation)
        VALUES (sheet.id, sheet.teacher_id, record_evaluation.evaluation_date, record_evaluation.kind,
                round(record_evaluation.mark, 2), clean_mention, clean_appreciation)
        RETURNING id INTO created;
    EXCEPTION WHEN lock_not_available THEN
        RAISE EXCEPTION USING ERRCODE = 'TU409', MESSAGE = 'busy';
    END;
    PERFORM tutti.audit_staff(sheet.family_id, 'EVALUATION_RECORDED',
                              format('Évaluation saisie (%s, %s)', sheet.discipline, sheet.student),
                              NULL,
                              '{"student":' || to_json(sheet.student)::text
                              || ',"date":' || to_json(to_char(record_evaluation.evaluation_date, 'YYYY-MM-DD'))::text
                              || ',"kind":' || to_json(record_evaluation.kind)::text
                              || ',"mark":' || coalesce(to_json(round(record_evaluation.mark, 2)::text)::text, 'null')
                              || ',"mention":' || coalesce(to_json(clean_mention)::text, 'null')
                              || ',"appreciation":' || coalesce(to_json(clean_appreciation)::text, 'null') || '}');
    RETURN created;
END
$$;

GRANT EXECUTE ON FUNCTION
    tutti.record_absences(bigint, date, text),
    tutti.record_evaluation(bigint, date, text, numeric, text, text)
TO tutti_staff;
REVOKE EXECUTE ON FUNCTION
    tutti.record_absences(bigint, date, text),
    tutti.record_evaluation(bigint, date, text, numeric, text, text),
    tutti.absence_state(boolean, boolean, text)
FROM PUBLIC;
