-- Issue 18 (performance and scale): what a row-level security policy costs, made small and
-- independent of the database's size. Same rows as before for every role; no new function.
--
-- 1. The session functions. Every policy of a login role calls tutti.current_family() or
-- tutti.current_staff_site() once per statement (an init plan), often several times (one per
-- table of the statement). Written in SQL, they were planned again at every call, and
-- "s.id = tutti.bound_session_id()" was evaluated for every row of app_session (a sequential scan
-- on a small table): a call cost 1 to 10 ms on a loaded two-core machine and grew with the number
-- of sessions ever opened. In PL/pgSQL the plans are kept for the connection and the bound
-- session is looked up once, then app_session is read by its primary key (benchmarks, section
-- "database"). Bodies, volatility, SECURITY DEFINER and search_path as in V21; grants and owner
-- are kept by CREATE OR REPLACE.

CREATE OR REPLACE FUNCTION tutti.bound_session_id() RETURNS bigint
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, tutti, pg_temp
AS $$
BEGIN
    RETURN (SELECT s.id
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
                   END);
END
$$;

CREATE OR REPLACE FUNCTION tutti.current_family() RETURNS bigint
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, tutti, pg_temp
AS $$
DECLARE
    live constant bigint := tutti.bound_session_id();
BEGIN
    RETURN (SELECT a.family_id
              FROM tutti.app_session s
              JOIN tutti.account a ON a.id = s.account_id
             WHERE s.id = live AND a.role = 'FAMILY');
END
$$;

CREATE OR REPLACE FUNCTION tutti.current_account() RETURNS bigint
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, tutti, pg_temp
AS $$
DECLARE
    live constant bigint := tutti.bound_session_id();
BEGIN
    RETURN (SELECT s.account_id FROM tutti.app_session s WHERE s.id = live);
END
$$;

CREATE OR REPLACE FUNCTION tutti.current_staff_site() RETURNS bigint
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, tutti, pg_temp
AS $$
DECLARE
    live constant bigint := tutti.bound_session_id();
BEGIN
    RETURN (SELECT a.site_id
              FROM tutti.app_session s
              JOIN tutti.account a ON a.id = s.account_id
             WHERE s.id = live AND a.role = 'STAFF');
END
$$;

-- 2. The families' remaining "IN (SELECT …)" policies, written as V6 wrote the pedagogy ones:
-- "= ANY (ARRAY(SELECT …))" is an init plan (the family's few ids) matched with the column's
-- index, where "IN (SELECT …)" let the planner choose a hashed subplan over a sequential scan of
-- the whole table (re-enrolment documents, rented items, document types). Only the family
-- policies: a staff session's arrays would hold a whole site.

ALTER POLICY reenrolment_request_family ON tutti.reenrolment_request
    USING (student_id = ANY (ARRAY(SELECT s.id FROM tutti.student s)));

ALTER POLICY reenrolment_choice_family ON tutti.reenrolment_choice
    USING (request_id = ANY (ARRAY(SELECT r.id FROM tutti.reenrolment_request r)));

ALTER POLICY uploaded_document_family ON tutti.uploaded_document
    USING (request_id = ANY (ARRAY(SELECT r.id FROM tutti.reenrolment_request r)));

ALTER POLICY invoice_line_family ON tutti.invoice_line
    USING (invoice_id = ANY (ARRAY(SELECT i.id FROM tutti.invoice i)));

ALTER POLICY payment_allocation_family ON tutti.payment_allocation
    USING (payment_id = ANY (ARRAY(SELECT p.id FROM tutti.payment p)));

ALTER POLICY document_type_family ON tutti.document_type
    USING (campaign_id = ANY (ARRAY(SELECT c.id FROM tutti.reenrolment_campaign c)));

ALTER POLICY rental_item_family ON tutti.rental_item
    USING (id = ANY (ARRAY(SELECT r.rental_item_id FROM tutti.rental r)));

-- 3. The site's tables as a family sees them. "The site of (SELECT tutti.current_family())" read
-- the family table, whose own policy called tutti.current_family() a second time: two calls per
-- table, and a course sheet joins six such tables. A family sees exactly its own family row
-- (family_family), so its site is that row's site: one call per table, same rows (none without a
-- session: no family row, a NULL site).

ALTER POLICY department_family ON tutti.department USING (site_id = (SELECT f.site_id FROM tutti.family f));
ALTER POLICY discipline_family ON tutti.discipline USING (site_id = (SELECT f.site_id FROM tutti.family f));
ALTER POLICY cycle_family ON tutti.cycle USING (site_id = (SELECT f.site_id FROM tutti.family f));
ALTER POLICY teacher_family ON tutti.teacher USING (site_id = (SELECT f.site_id FROM tutti.family f));
ALTER POLICY room_family ON tutti.room USING (site_id = (SELECT f.site_id FROM tutti.family f));
ALTER POLICY course_family ON tutti.course USING (site_id = (SELECT f.site_id FROM tutti.family f));
ALTER POLICY musical_event_family ON tutti.musical_event USING (site_id = (SELECT f.site_id FROM tutti.family f));
ALTER POLICY reenrolment_campaign_family ON tutti.reenrolment_campaign USING (site_id = (SELECT f.site_id FROM tutti.family f));

-- 4. The front desk's home at 50,000 families. desk_counts() and overdue_invoices() called
-- tutti.invoice_settled(i.id) for every past-due invoice of the site: a SQL function with its own
-- search_path is never inlined, so it was planned again for each of tens of thousands of invoices
-- (over 30 s, the login roles' statement_timeout, at 50,000 families). The same two sums are
-- written in the statement, where they are index lookups (payment_allocation_invoice_ix,
-- invoice_credit_note_for_ix). Same rows, same columns.

CREATE OR REPLACE FUNCTION tutti.desk_counts()
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
               AND i.total_amount
                   - coalesce((SELECT sum(a.amount) FROM tutti.payment_allocation a WHERE a.invoice_id = i.id), 0)
                   - coalesce((SELECT sum(c.total_amount) FROM tutti.invoice c WHERE c.credit_note_for = i.id), 0) > 0),
           (SELECT count(*)::integer FROM tutti.account a
             WHERE a.site_id = b.site_id AND a.role = 'FAMILY' AND (NOT a.active OR a.locked_until > now()))
      FROM tutti.billing_staff() b
$$;

CREATE OR REPLACE FUNCTION tutti.overdue_invoices()
RETURNS TABLE (invoice_id bigint, number varchar, family_id bigint, family_identifier varchar, family_name text,
               due_date date, balance numeric)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, tutti, pg_temp
AS $$
    SELECT o.id, o.number, o.family_id, o.identifier, o.family_name, o.due_date, o.balance
      FROM (SELECT i.id, i.number, i.family_id, f.identifier,
                   tutti.person_name(f.civility, f.first_name, f.last_name) AS family_name, i.due_date,
                   i.total_amount
                   - coalesce((SELECT sum(a.amount) FROM tutti.payment_allocation a WHERE a.invoice_id = i.id), 0)
                   - coalesce((SELECT sum(c.total_amount) FROM tutti.invoice c WHERE c.credit_note_for = i.id), 0)
                   AS balance
              FROM tutti.billing_staff() b
              JOIN tutti.invoice i ON i.site_id = b.site_id
              JOIN tutti.family f ON f.id = i.family_id
             WHERE i.credit_note_for IS NULL AND i.due_date < current_date) o
     WHERE o.balance > 0
     ORDER BY o.due_date, o.number
$$;

-- 5. The names and values the desk's lists print. tutti.person_name() and
-- tutti.change_value_text() were SQL functions with their own search_path: never inlined, planned
-- again for every row (family_accounts('ALL') and overdue_invoices() print one name per row,
-- 30,000 rows at 50,000 families: over 10 s). In PL/pgSQL the expression's plan is kept; same
-- text for every input (checked on the 2,000-family demo: same digest of every family's name).

CREATE OR REPLACE FUNCTION tutti.change_value_text(field text, value text) RETURNS text
LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, tutti, pg_temp
AS $$
BEGIN
    RETURN CASE
               WHEN value IS NULL THEN NULL
               WHEN field = 'birth_date' AND value ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'
                   THEN substr(value, 9, 2) || '/' || substr(value, 6, 2) || '/' || substr(value, 1, 4)
               WHEN field = 'civility' THEN CASE value WHEN 'MME' THEN 'Mme' WHEN 'M' THEN 'M.' ELSE value END
               WHEN field = 'sex' THEN CASE value WHEN 'F' THEN 'Féminin' WHEN 'M' THEN 'Masculin' ELSE value END
               WHEN field IN ('phone_home', 'phone_mobile', 'phone_work')
                    AND translate(value, ' .-', '') ~ '^0[0-9]{9}$'
                   THEN regexp_replace(translate(value, ' .-', ''), '^(..)(..)(..)(..)(..)$', '\1 \2 \3 \4 \5')
               ELSE value
           END;
END
$$;

CREATE OR REPLACE FUNCTION tutti.person_name(civility text, first_name text, last_name text) RETURNS text
LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, tutti, pg_temp
AS $$
BEGIN
    RETURN concat_ws(' ', nullif(btrim(tutti.change_value_text('civility', btrim(civility))), ''),
                     nullif(btrim(first_name), ''), nullif(btrim(last_name), ''));
END
$$;
