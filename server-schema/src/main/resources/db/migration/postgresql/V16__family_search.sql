-- Issue 16 on PostgreSQL, front desk — search (SQL-API.md, "Front desk — search"):
--
--   tutti_ext               the schema of the extensions unaccent and pg_trgm: no login role may use it
--   tutti.fold(text)        lower case without accents, IMMUTABLE (unaccent itself is only STABLE)
--   tutti.family_search     one row per family: its folded keys and the words a search finds it by
--                           (identifier, names, e-mails of the family and its accounts, phones as
--                           digits, its students' names), kept by triggers on family, student and
--                           account, with a trigram index; no grant, no policy
--   tutti.search_families   the staff session's families that every word typed starts a word of,
--                           best matches first
--
-- unaccent and pg_trgm are trusted extensions (PostgreSQL 13 and later): the database's owner (or
-- any user with CREATE on the database) may create them. Where one already exists (any schema) it
-- is used there; the functions below are the only code that names its schema.

-- ---------------------------------------------------------------- the extensions

DO $extensions$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_extension WHERE extname = 'unaccent')
       OR NOT EXISTS (SELECT FROM pg_catalog.pg_extension WHERE extname = 'pg_trgm') THEN
        CREATE SCHEMA IF NOT EXISTS tutti_ext;
        REVOKE ALL ON SCHEMA tutti_ext FROM PUBLIC;
        BEGIN
            IF NOT EXISTS (SELECT FROM pg_catalog.pg_extension WHERE extname = 'unaccent') THEN
                CREATE EXTENSION unaccent WITH SCHEMA tutti_ext;
            END IF;
            IF NOT EXISTS (SELECT FROM pg_catalog.pg_extension WHERE extname = 'pg_trgm') THEN
                CREATE EXTENSION pg_trgm WITH SCHEMA tutti_ext;
            END IF;
        EXCEPTION WHEN insufficient_privilege THEN
            RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
                MESSAGE = format('user %s may not create the extensions unaccent and pg_trgm (%s): migrate as the '
                                 'database''s owner, or have a superuser run CREATE SCHEMA tutti_ext; CREATE EXTENSION '
                                 'unaccent WITH SCHEMA tutti_ext; CREATE EXTENSION pg_trgm WITH SCHEMA tutti_ext; '
                                 'REVOKE ALL ON SCHEMA tutti_ext FROM PUBLIC first', current_user, SQLERRM);
        END;
    END IF;
END
$extensions$;

-- tutti_owner (the definer of the functions below) uses the extensions' schemas; login roles do not.
DO $usage$
DECLARE
    s name;
BEGIN
    FOR s IN SELECT DISTINCT n.nspname FROM pg_catalog.pg_extension e
               JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
              WHERE e.extname IN ('unaccent', 'pg_trgm')
    LOOP
        EXECUTE format('GRANT USAGE ON SCHEMA %I TO tutti_owner', s);
    END LOOP;
END
$usage$;

-- ---------------------------------------------------------------- folding

-- Lower case without accents: "Léa" and "LEA" read "lea", "Œuvre" reads "oeuvre", the typographic
-- apostrophe reads as "'". unaccent first: lower() of the C locale leaves accented capitals alone.
DO $fold$
DECLARE
    dictionary text := (SELECT quote_ident(n.nspname) || '.unaccent' FROM pg_catalog.pg_extension e
                          JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
                         WHERE e.extname = 'unaccent');
BEGIN
    EXECUTE format($f$
        CREATE FUNCTION tutti.fold(value text) RETURNS text
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE SET search_path = pg_catalog, tutti, pg_temp
        AS $body$SELECT lower(translate(%1$s(%2$L::regdictionary, value), '’‘ʼ', repeat(chr(39), 3)))$body$
    $f$, dictionary, dictionary);
END
$fold$;

-- A value as the words a search finds it by: folded, and when it holds other signs than letters and
-- digits, its parts as well ("jean-pierre jean pierre", "c.martin@exemple.fr c martin exemple fr").
CREATE FUNCTION tutti.search_words(value text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE SET search_path = pg_catalog, tutti, pg_temp
AS $$
    SELECT CASE WHEN f ~ '[^a-z0-9 ]' THEN f || ' ' || btrim(regexp_replace(f, '[^a-z0-9]+', ' ', 'g')) ELSE f END
      FROM (SELECT btrim(regexp_replace(tutti.fold(value), '\s+', ' ', 'g')) AS f) v
$$;

-- A phone number as digits, French numbers in their national form: "06 12 34 56 78",
-- "06.12.34.56.78", "+33 6 12 34 56 78" and "0033612345678" all read "0612345678"; NULL without digits.
CREATE FUNCTION tutti.phone_digits(value text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE SET search_path = pg_catalog, tutti, pg_temp
AS $$
    SELECT CASE WHEN d = '' THEN NULL
                WHEN left(btrim(value), 1) = '+' AND left(d, 2) = '33' THEN '0' || substr(d, 3)
                WHEN left(d, 4) = '0033' THEN '0' || substr(d, 5)
                ELSE d END
      FROM (SELECT regexp_replace(value, '[^0-9]', '', 'g') AS d) v
$$;

-- ---------------------------------------------------------------- one search row per family

CREATE TABLE tutti.family_search (
    family_id       bigint        NOT NULL PRIMARY KEY REFERENCES tutti.family (id) ON DELETE CASCADE,
    site_id         bigint        NOT NULL REFERENCES tutti.site (id),
    identifier_key  varchar(20)   NOT NULL,
    name_key        varchar(200)  NOT NULL,
    first_last_key  varchar(200)  NOT NULL,
    document        text          NOT NULL
);
-- no grant and no policy: only tutti.search_families reads it
ALTER TABLE tutti.family_search ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;

DO $index$
DECLARE
    trgm name := (SELECT n.nspname FROM pg_catalog.pg_extension e
                    JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
                   WHERE e.extname = 'pg_trgm');
BEGIN
    EXECUTE format('CREATE INDEX family_search_document_ix ON tutti.family_search USING gin (document %I.gin_trgm_ops)',
                   trgm);
END
$index$;
CREATE INDEX family_search_site_ix ON tutti.family_search (site_id, name_key COLLATE "C");

-- What a family is found by: " f0001 0001 martin claire c.martin@exemple.fr c martin exemple fr
-- 0612345678 martin lea … " (every word preceded by a space: a search word matches the start of one).
CREATE FUNCTION tutti.family_search_document(family_id bigint) RETURNS text
LANGUAGE sql STABLE SET search_path = pg_catalog, tutti, pg_temp
AS $$
    SELECT ' ' || concat_ws(' ',
               tutti.search_words(f.identifier), nullif(regexp_replace(tutti.fold(f.identifier), '^[a-z]+', ''), ''),
               tutti.search_words(f.last_name), tutti.search_words(f.first_name), tutti.search_words(f.email),
               tutti.phone_digits(f.phone_home), tutti.phone_digits(f.phone_mobile), tutti.phone_digits(f.phone_work),
               (SELECT string_agg(concat_ws(' ', tutti.search_words(st.last_name), tutti.search_words(st.first_name),
                                            tutti.phone_digits(st.phone_mobile)), ' ')
                  FROM tutti.student st WHERE st.family_id = f.id),
               (SELECT string_agg(tutti.search_words(a.email), ' ')
                  FROM tutti.account a WHERE a.family_id = f.id)) || ' '
      FROM tutti.family f
     WHERE f.id = family_search_document.family_id
$$;

-- Brings a family's search row up to date (deletes it when the family is gone).
CREATE FUNCTION tutti.refresh_family_search(family_id bigint) RETURNS void
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, tutti, pg_temp
AS $$
BEGIN
    INSERT INTO tutti.family_search AS s (family_id, site_id, identifier_key, name_key, first_last_key, document)
    SELECT f.id, f.site_id, tutti.fold(f.identifier),
           left(btrim(tutti.fold(f.last_name || ' ' || f.first_name)), 200),
           left(btrim(tutti.fold(f.first_name || ' ' || f.last_name)), 200),
           tutti.family_search_document(f.id)
      FROM tutti.family f
     WHERE f.id = refresh_family_search.family_id
    ON CONFLICT ON CONSTRAINT family_search_pkey DO UPDATE
       SET site_id = excluded.site_id, identifier_key = excluded.identifier_key, name_key = excluded.name_key,
           first_last_key = excluded.first_last_key, document = excluded.document;
    IF NOT FOUND THEN
        DELETE FROM tutti.family_search s WHERE s.family_id = refresh_family_search.family_id;
    END IF;
END
$$;

-- The triggers run as tutti_owner: the staff who writes a family, a student or an account cannot
-- write tutti.family_search itself.
CREATE FUNCTION tutti.family_search_on_family() RETURNS trigger
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, tutti, pg_temp
AS $$
BEGIN
    PERFORM tutti.refresh_family_search(NEW.id);
    RETURN NULL;
END
$$;

CREATE FUNCTION tutti.family_search_on_member() RETURNS trigger
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, tutti, pg_temp
AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.family_id IS NOT NULL THEN
        PERFORM tutti.refresh_family_search(OLD.family_id);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.family_id IS NOT NULL
       AND (TG_OP = 'INSERT' OR NEW.family_id IS DISTINCT FROM OLD.family_id) THEN
        PERFORM tutti.refresh_family_search(NEW.family_id);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER family_search_family AFTER INSERT OR UPDATE OF identifier, last_name, first_name, email,
    phone_home, phone_mobile, phone_work, site_id ON tutti.family
    FOR EACH ROW EXECUTE FUNCTION tutti.family_search_on_family();
CREATE TRIGGER family_search_student AFTER INSERT OR DELETE OR UPDATE OF family_id, last_name, first_name, phone_mobile
    ON tutti.student FOR EACH ROW EXECUTE FUNCTION tutti.family_search_on_member();
CREATE TRIGGER family_search_account AFTER INSERT OR DELETE OR UPDATE OF family_id, email
    ON tutti.account FOR EACH ROW EXECUTE FUNCTION tutti.family_search_on_member();

-- the families already there
SELECT tutti.refresh_family_search(f.id) FROM tutti.family f ORDER BY f.id;

-- ---------------------------------------------------------------- the search

-- The words of a search: a phone number typed any way ("06 12 34 56 78", "+33 6 12 34 56 78") is
-- one word of digits; otherwise the folded words, without the signs around them ("martin," →
-- "martin"). Empty for a blank search.
CREATE FUNCTION tutti.search_query_words(query text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT SET search_path = pg_catalog, tutti, pg_temp
AS $$
    SELECT CASE
               WHEN q = '' THEN ARRAY[]::text[]
               WHEN q ~ '^\+?[0-9][0-9 .()/-]*$' THEN ARRAY[tutti.phone_digits(q)]
               ELSE ARRAY(SELECT w FROM (SELECT regexp_replace(part, '^[^a-z0-9]+|[^a-z0-9]+$', '', 'g') AS w
                                           FROM unnest(string_to_array(tutti.fold(q), ' ')) AS part) p
                           WHERE w <> '')
           END
      FROM (SELECT btrim(regexp_replace(query, '\s+', ' ', 'g')) AS q) v
$$;

-- The staff session's families that the words typed find (every word starts a word of the family's
-- identifier, names, e-mails, phones or students' names), at most max_rows (200 at most): the
-- identifier typed exactly first, then the families whose name starts with what was typed, then
-- the others; by name within each. TU401 without a session, TU403 for a family's session,
-- TU422 'invalid:max_rows' below 1, 'too_long:query:100'.
CREATE FUNCTION tutti.search_families(query text, max_rows integer)
RETURNS TABLE (family_id bigint, identifier text, family_name text, students text, phones text, email text, city text)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, tutti, pg_temp
SET plan_cache_mode = force_custom_plan
AS $$
DECLARE
    staff_site constant bigint := (SELECT b.site_id FROM tutti.billing_staff() b);
    words text[];
    patterns text[];
    driver text;
    whole text;
BEGIN
    IF max_rows IS NULL OR max_rows < 1 THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:max_rows';
    END IF;
    IF char_length(query) > 100 THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'too_long:query:100';
    END IF;
    words := tutti.search_query_words(coalesce(query, ''));
    IF cardinality(words) = 0 THEN
        RETURN;
    END IF;
    patterns := ARRAY(SELECT '% ' || replace(replace(replace(w, '\', '\\'), '%', '\%'), '_', '\_') || '%'
                        FROM unnest(words) AS w);
    -- the longest word drives the trigram index, the others filter what it found
    driver := (SELECT p FROM unnest(patterns) AS p ORDER BY char_length(p) DESC, p LIMIT 1);
    whole := array_to_string(words, ' ');
    RETURN QUERY
    WITH found AS (
        SELECT s.family_id,
               CASE WHEN s.identifier_key = whole THEN 0
                    WHEN left(s.name_key, char_length(whole)) = whole
                         OR left(s.first_last_key, char_length(whole)) = whole THEN 1
                    ELSE 2 END AS rank,
               s.name_key, s.identifier_key
          FROM tutti.family_search s
         WHERE s.document LIKE driver
           AND s.document LIKE ALL (patterns)
           AND s.site_id = staff_site
         ORDER BY 2, s.name_key COLLATE "C", s.identifier_key COLLATE "C"
         LIMIT least(max_rows, 200))
    SELECT f.id, f.identifier::text, tutti.person_name(f.civility, f.first_name, f.last_name),
           (SELECT string_agg(st.first_name || ' ' || st.last_name, ', '
                              ORDER BY tutti.fold(st.first_name) COLLATE "C", st.id)
              FROM tutti.student st WHERE st.family_id = f.id),
           nullif(concat_ws(', ', f.phone_mobile, f.phone_home, f.phone_work), ''),
           coalesce(f.email, (SELECT min(a.email) FROM tutti.account a WHERE a.family_id = f.id))::text,
           f.city::text
      FROM found JOIN tutti.family f ON f.id = found.family_id
     ORDER BY found.rank, found.name_key COLLATE "C", found.identifier_key COLLATE "C";
END
$$;

REVOKE EXECUTE ON FUNCTION tutti.search_families(text, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tutti.search_families(text, integer) TO tutti_staff;
