-- Issue 18 (performance and scale): what a staff screen costs grows with the staff's own rows, not
-- with the site's size. Same rows as before for every role; ADR 0020.
--
-- 1. The site on every row a staff policy filters. A staff policy such as
-- "student_id IN (SELECT s.id FROM tutti.student s)" is a security qual: PostgreSQL never pulls it
-- up into a join and hashes the whole subquery, with its own policy's subquery, at every statement.
-- At 50,000 families a family file's Élèves tab (one student's enrolments, evaluations, absences)
-- hashed the site's 30,000 families, 52,000 students and 270,000 enrolments per statement: about a
-- second for twelve statements. Each such table now carries the site of its parent row, kept by a
-- trigger that ignores whatever the writer sent, and the staff policies compare it with the
-- session's site like the site tables' policies do: one constant comparison per row.
--
--   table                 parent                      its site
--   student               family                      family.site_id
--   change_request        family                      family.site_id
--   rental                family                      family.site_id
--   enrolment             student                     student.site_id
--   event_participation   student                     student.site_id
--   reenrolment_request   student                     student.site_id
--   evaluation            enrolment                   enrolment.site_id
--   absence               enrolment                   enrolment.site_id
--   reenrolment_choice    reenrolment_request         reenrolment_request.site_id
--   uploaded_document     reenrolment_request         reenrolment_request.site_id
--   document_type         reenrolment_campaign        reenrolment_campaign.site_id
--   invoice_line          invoice                     invoice.site_id
--   payment_allocation    payment                     payment.site_id
--
-- The families' policies are unchanged (their arrays hold one family's few ids).

ALTER TABLE tutti.student ADD COLUMN site_id bigint;
ALTER TABLE tutti.change_request ADD COLUMN site_id bigint;
ALTER TABLE tutti.rental ADD COLUMN site_id bigint;
ALTER TABLE tutti.enrolment ADD COLUMN site_id bigint;
ALTER TABLE tutti.event_participation ADD COLUMN site_id bigint;
ALTER TABLE tutti.reenrolment_request ADD COLUMN site_id bigint;
ALTER TABLE tutti.evaluation ADD COLUMN site_id bigint;
ALTER TABLE tutti.absence ADD COLUMN site_id bigint;
ALTER TABLE tutti.reenrolment_choice ADD COLUMN site_id bigint;
ALTER TABLE tutti.uploaded_document ADD COLUMN site_id bigint;
ALTER TABLE tutti.document_type ADD COLUMN site_id bigint;
ALTER TABLE tutti.invoice_line ADD COLUMN site_id bigint;
ALTER TABLE tutti.payment_allocation ADD COLUMN site_id bigint;

-- The rows already there, parents first. The migration runs as the owner (no row-level security).
UPDATE tutti.student t SET site_id = p.site_id FROM tutti.family p WHERE p.id = t.family_id;
UPDATE tutti.change_request t SET site_id = p.site_id FROM tutti.family p WHERE p.id = t.family_id;
UPDATE tutti.rental t SET site_id = p.site_id FROM tutti.family p WHERE p.id = t.family_id;
UPDATE tutti.enrolment t SET site_id = p.site_id FROM tutti.student p WHERE p.id = t.student_id;
UPDATE tutti.event_participation t SET site_id = p.site_id FROM tutti.student p WHERE p.id = t.student_id;
UPDATE tutti.reenrolment_request t SET site_id = p.site_id FROM tutti.student p WHERE p.id = t.student_id;
UPDATE tutti.evaluation t SET site_id = p.site_id FROM tutti.enrolment p WHERE p.id = t.enrolment_id;
UPDATE tutti.absence t SET site_id = p.site_id FROM tutti.enrolment p WHERE p.id = t.enrolment_id;
UPDATE tutti.reenrolment_choice t SET site_id = p.site_id FROM tutti.reenrolment_request p WHERE p.id = t.request_id;
UPDATE tutti.uploaded_document t SET site_id = p.site_id FROM tutti.reenrolment_request p WHERE p.id = t.request_id;
UPDATE tutti.document_type t SET site_id = p.site_id FROM tutti.reenrolment_campaign p WHERE p.id = t.campaign_id;
UPDATE tutti.invoice_line t SET site_id = p.site_id FROM tutti.invoice p WHERE p.id = t.invoice_id;
UPDATE tutti.payment_allocation t SET site_id = p.site_id FROM tutti.payment p WHERE p.id = t.payment_id;

ALTER TABLE tutti.student ALTER COLUMN site_id SET NOT NULL,
    ADD CONSTRAINT student_site_id_fkey FOREIGN KEY (site_id) REFERENCES tutti.site (id);
ALTER TABLE tutti.change_request ALTER COLUMN site_id SET NOT NULL,
    ADD CONSTRAINT change_request_site_id_fkey FOREIGN KEY (site_id) REFERENCES tutti.site (id);
ALTER TABLE tutti.rental ALTER COLUMN site_id SET NOT NULL,
    ADD CONSTRAINT rental_site_id_fkey FOREIGN KEY (site_id) REFERENCES tutti.site (id);
ALTER TABLE tutti.enrolment ALTER COLUMN site_id SET NOT NULL,
    ADD CONSTRAINT enrolment_site_id_fkey FOREIGN KEY (site_id) REFERENCES tutti.site (id);
ALTER TABLE tutti.event_participation ALTER COLUMN site_id SET NOT NULL,
    ADD CONSTRAINT event_participation_site_id_fkey FOREIGN KEY (site_id) REFERENCES tutti.site (id);
ALTER TABLE tutti.reenrolment_request ALTER COLUMN site_id SET NOT NULL,
    ADD CONSTRAINT reenrolment_request_site_id_fkey FOREIGN KEY (site_id) REFERENCES tutti.site (id);
ALTER TABLE tutti.evaluation ALTER COLUMN site_id SET NOT NULL,
    ADD CONSTRAINT evaluation_site_id_fkey FOREIGN KEY (site_id) REFERENCES tutti.site (id);
ALTER TABLE tutti.absence ALTER COLUMN site_id SET NOT NULL,
    ADD CONSTRAINT absence_site_id_fkey FOREIGN KEY (site_id) REFERENCES tutti.site (id);
ALTER TABLE tutti.reenrolment_choice ALTER COLUMN site_id SET NOT NULL,
    ADD CONSTRAINT reenrolment_choice_site_id_fkey FOREIGN KEY (site_id) REFERENCES tutti.site (id);
ALTER TABLE tutti.uploaded_document ALTER COLUMN site_id SET NOT NULL,
    ADD CONSTRAINT uploaded_document_site_id_fkey FOREIGN KEY (site_id) REFERENCES tutti.site (id);
ALTER TABLE tutti.document_type ALTER COLUMN site_id SET NOT NULL,
    ADD CONSTRAINT document_type_site_id_fkey FOREIGN KEY (site_id) REFERENCES tutti.site (id);
ALTER TABLE tutti.invoice_line ALTER COLUMN site_id SET NOT NULL,
    ADD CONSTRAINT invoice_line_site_id_fkey FOREIGN KEY (site_id) REFERENCES tutti.site (id);
ALTER TABLE tutti.payment_allocation ALTER COLUMN site_id SET NOT NULL,
    ADD CONSTRAINT payment_allocation_site_id_fkey FOREIGN KEY (site_id) REFERENCES tutti.site (id);

-- Every policy predicate has an index whose first key column it is (PolicyIndexTest).
CREATE INDEX student_site_ix ON tutti.student (site_id);
CREATE INDEX change_request_site_ix ON tutti.change_request (site_id, status);
CREATE INDEX rental_site_ix ON tutti.rental (site_id);
CREATE INDEX enrolment_site_ix ON tutti.enrolment (site_id);
CREATE INDEX event_participation_site_ix ON tutti.event_participation (site_id);
CREATE INDEX reenrolment_request_site_ix ON tutti.reenrolment_request (site_id, status);
CREATE INDEX evaluation_site_ix ON tutti.evaluation (site_id);
CREATE INDEX absence_site_ix ON tutti.absence (site_id);
CREATE INDEX reenrolment_choice_site_ix ON tutti.reenrolment_choice (site_id);
CREATE INDEX uploaded_document_site_ix ON tutti.uploaded_document (site_id);
CREATE INDEX document_type_site_ix ON tutti.document_type (site_id);
CREATE INDEX invoice_line_site_ix ON tutti.invoice_line (site_id);
CREATE INDEX payment_allocation_site_ix ON tutti.payment_allocation (site_id);

-- The site of a written row is its parent's, whatever the writer sent (a staff of another site, a
-- family running its own SQL). Runs as tutti_owner: it reads the parent past row-level security, so
-- a row pointing to another site's parent gets that site and fails the staff policy's WITH CHECK,
-- as it failed the former "IN (SELECT …)" check. A parent that does not exist leaves NULL: the
-- NOT NULL constraint refuses the row (the foreign key would have too).
CREATE FUNCTION tutti.inherit_site() RETURNS trigger
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, tutti, pg_temp
AS $$
BEGIN
    CASE TG_TABLE_NAME
        WHEN 'student' THEN
            NEW.site_id := (SELECT p.site_id FROM tutti.family p WHERE p.id = NEW.family_id);
        WHEN 'change_request' THEN
            NEW.site_id := (SELECT p.site_id FROM tutti.family p WHERE p.id = NEW.family_id);
        WHEN 'rental' THEN
            NEW.site_id := (SELECT p.site_id FROM tutti.family p WHERE p.id = NEW.family_id);
        WHEN 'enrolment' THEN
            NEW.site_id := (SELECT p.site_id FROM tutti.student p WHERE p.id = NEW.student_id);
        WHEN 'event_participation' THEN
            NEW.site_id := (SELECT p.site_id FROM tutti.student p WHERE p.id = NEW.student_id);
        WHEN 'reenrolment_request' THEN
            NEW.site_id := (SELECT p.site_id FROM tutti.student p WHERE p.id = NEW.student_id);
        WHEN 'evaluation' THEN
            NEW.site_id := (SELECT p.site_id FROM tutti.enrolment p WHERE p.id = NEW.enrolment_id);
        WHEN 'absence' THEN
            NEW.site_id := (SELECT p.site_id FROM tutti.enrolment p WHERE p.id = NEW.enrolment_id);
        WHEN 'reenrolment_choice' THEN
            NEW.site_id := (SELECT p.site_id FROM tutti.reenrolment_request p WHERE p.id = NEW.request_id);
        WHEN 'uploaded_document' THEN
            NEW.site_id := (SELECT p.site_id FROM tutti.reenrolment_request p WHERE p.id = NEW.request_id);
        WHEN 'document_type' THEN
            NEW.site_id := (SELECT p.site_id FROM tutti.reenrolment_campaign p WHERE p.id = NEW.campaign_id);
        WHEN 'invoice_line' THEN
            NEW.site_id := (SELECT p.site_id FROM tutti.invoice p WHERE p.id = NEW.invoice_id);
        WHEN 'payment_allocation' THEN
            NEW.site_id := (SELECT p.site_id FROM tutti.payment p WHERE p.id = NEW.payment_id);
    END CASE;
    RETURN NEW;
END
$$;

CREATE TRIGGER student_site BEFORE INSERT OR UPDATE ON tutti.student
    FOR EACH ROW EXECUTE FUNCTION tutti.inherit_site();
CREATE TRIGGER change_request_site BEFORE INSERT OR UPDATE ON tutti.change_request
    FOR EACH ROW EXECUTE FUNCTION tutti.inherit_site();
CREATE TRIGGER rental_site BEFORE INSERT OR UPDATE ON tutti.rental
    FOR EACH ROW EXECUTE FUNCTION tutti.inherit_site();
CREATE TRIGGER enrolment_site BEFORE INSERT OR UPDATE ON tutti.enrolment
    FOR EACH ROW EXECUTE FUNCTION tutti.inherit_site();
CREATE TRIGGER event_participation_site BEFORE INSERT OR UPDATE ON tutti.event_participation
    FOR EACH ROW EXECUTE FUNCTION tutti.inherit_site();
CREATE TRIGGER reenrolment_request_site BEFORE INSERT OR UPDATE ON tutti.reenrolment_request
    FOR EACH ROW EXECUTE FUNCTION tutti.inherit_site();
CREATE TRIGGER evaluation_site BEFORE INSERT OR UPDATE ON tutti.evaluation
    FOR EACH ROW EXECUTE FUNCTION tutti.inherit_site();
CREATE TRIGGER absence_site BEFORE INSERT OR UPDATE ON tutti.absence
    FOR EACH ROW EXECUTE FUNCTION tutti.inherit_site();
CREATE TRIGGER reenrolment_choice_site BEFORE INSERT OR UPDATE ON tutti.reenrolment_choice
    FOR EACH ROW EXECUTE FUNCTION tutti.inherit_site();
CREATE TRIGGER uploaded_document_site BEFORE INSERT OR UPDATE ON tutti.uploaded_document
    FOR EACH ROW EXECUTE FUNCTION tutti.inherit_site();
CREATE TRIGGER document_type_site BEFORE INSERT OR UPDATE ON tutti.document_type
    FOR EACH ROW EXECUTE FUNCTION tutti.inherit_site();
CREATE TRIGGER invoice_line_site BEFORE INSERT OR UPDATE ON tutti.invoice_line
    FOR EACH ROW EXECUTE FUNCTION tutti.inherit_site();
CREATE TRIGGER payment_allocation_site BEFORE INSERT OR UPDATE ON tutti.payment_allocation
    FOR EACH ROW EXECUTE FUNCTION tutti.inherit_site();

-- A parent that moves to another site takes its rows along: the children are written again, and
-- their own trigger reads the parent's new site (an AFTER trigger sees the parent's new row).
CREATE FUNCTION tutti.carry_site() RETURNS trigger
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, tutti, pg_temp
AS $$
BEGIN
    CASE TG_TABLE_NAME
        WHEN 'family' THEN
            UPDATE tutti.student t SET site_id = NEW.site_id WHERE t.family_id = NEW.id;
            UPDATE tutti.change_request t SET site_id = NEW.site_id WHERE t.family_id = NEW.id;
            UPDATE tutti.rental t SET site_id = NEW.site_id WHERE t.family_id = NEW.id;
        WHEN 'student' THEN
            UPDATE tutti.enrolment t SET site_id = NEW.site_id WHERE t.student_id = NEW.id;
            UPDATE tutti.event_participation t SET site_id = NEW.site_id WHERE t.student_id = NEW.id;
            UPDATE tutti.reenrolment_request t SET site_id = NEW.site_id WHERE t.student_id = NEW.id;
        WHEN 'enrolment' THEN
            UPDATE tutti.evaluation t SET site_id = NEW.site_id WHERE t.enrolment_id = NEW.id;
            UPDATE tutti.absence t SET site_id = NEW.site_id WHERE t.enrolment_id = NEW.id;
        WHEN 'reenrolment_request' THEN
            UPDATE tutti.reenrolment_choice t SET site_id = NEW.site_id WHERE t.request_id = NEW.id;
            UPDATE tutti.uploaded_document t SET site_id = NEW.site_id WHERE t.request_id = NEW.id;
        WHEN 'reenrolment_campaign' THEN
            UPDATE tutti.document_type t SET site_id = NEW.site_id WHERE t.campaign_id = NEW.id;
        WHEN 'invoice' THEN
            UPDATE tutti.invoice_line t SET site_id = NEW.site_id WHERE t.invoice_id = NEW.id;
        WHEN 'payment' THEN
            UPDATE tutti.payment_allocation t SET site_id = NEW.site_id WHERE t.payment_id = NEW.id;
    END CASE;
    RETURN NULL;
END
$$;

CREATE TRIGGER family_site_carried AFTER UPDATE OF site_id ON tutti.family
    FOR EACH ROW WHEN (OLD.site_id IS DISTINCT FROM NEW.site_id) EXECUTE FUNCTION tutti.carry_site();
CREATE TRIGGER student_site_carried AFTER UPDATE OF site_id ON tutti.student
    FOR EACH ROW WHEN (OLD.site_id IS DISTINCT FROM NEW.site_id) EXECUTE FUNCTION tutti.carry_site();
CREATE TRIGGER enrolment_site_carried AFTER UPDATE OF site_id ON tutti.enrolment
    FOR EACH ROW WHEN (OLD.site_id IS DISTINCT FROM NEW.site_id) EXECUTE FUNCTION tutti.carry_site();
CREATE TRIGGER reenrolment_request_site_carried AFTER UPDATE OF site_id ON tutti.reenrolment_request
    FOR EACH ROW WHEN (OLD.site_id IS DISTINCT FROM NEW.site_id) EXECUTE FUNCTION tutti.carry_site();
CREATE TRIGGER reenrolment_campaign_site_carried AFTER UPDATE OF site_id ON tutti.reenrolment_campaign
    FOR EACH ROW WHEN (OLD.site_id IS DISTINCT FROM NEW.site_id) EXECUTE FUNCTION tutti.carry_site();
CREATE TRIGGER invoice_site_carried AFTER UPDATE OF site_id ON tutti.invoice
    FOR EACH ROW WHEN (OLD.site_id IS DISTINCT FROM NEW.site_id) EXECUTE FUNCTION tutti.carry_site();
CREATE TRIGGER payment_site_carried AFTER UPDATE OF site_id ON tutti.payment
    FOR EACH ROW WHEN (OLD.site_id IS DISTINCT FROM NEW.site_id) EXECUTE FUNCTION tutti.carry_site();

REVOKE EXECUTE ON FUNCTION tutti.inherit_site(), tutti.carry_site() FROM PUBLIC;

-- The staff policies on those tables: the row's own site. Same rows as the former subqueries (each
-- row's site is its parent's, down to the family, the campaign, the invoice or the payment, whose
-- policies compared their site_id). The second check of a write (the course, the event) stays.

ALTER POLICY student_staff ON tutti.student
    USING (site_id = (SELECT tutti.current_staff_site()))
    WITH CHECK (site_id = (SELECT tutti.current_staff_site()));
ALTER POLICY change_request_staff ON tutti.change_request
    USING (site_id = (SELECT tutti.current_staff_site()));
ALTER POLICY rental_staff ON tutti.rental
    USING (site_id = (SELECT tutti.current_staff_site()));
ALTER POLICY enrolment_staff ON tutti.enrolment
    USING (site_id = (SELECT tutti.current_staff_site()))
    WITH CHECK (site_id = (SELECT tutti.current_staff_site()) AND course_id IN (SELECT c.id FROM tutti.course c));
ALTER POLICY event_participation_staff ON tutti.event_participation
    USING (site_id = (SELECT tutti.current_staff_site()))
    WITH CHECK (site_id = (SELECT tutti.current_staff_site()) AND event_id IN (SELECT m.id FROM tutti.musical_event m));
ALTER POLICY reenrolment_request_staff ON tutti.reenrolment_request
    USING (site_id = (SELECT tutti.current_staff_site()));
ALTER POLICY evaluation_staff ON tutti.evaluation
    USING (site_id = (SELECT tutti.current_staff_site()));
ALTER POLICY absence_staff ON tutti.absence
    USING (site_id = (SELECT tutti.current_staff_site()));
ALTER POLICY reenrolment_choice_staff ON tutti.reenrolment_choice
    USING (site_id = (SELECT tutti.current_staff_site()));
ALTER POLICY uploaded_document_staff ON tutti.uploaded_document
    USING (site_id = (SELECT tutti.current_staff_site()));
ALTER POLICY document_type_staff ON tutti.document_type
    USING (site_id = (SELECT tutti.current_staff_site()))
    WITH CHECK (site_id = (SELECT tutti.current_staff_site()));
ALTER POLICY invoice_line_staff ON tutti.invoice_line
    USING (site_id = (SELECT tutti.current_staff_site()));
ALTER POLICY payment_allocation_staff ON tutti.payment_allocation
    USING (site_id = (SELECT tutti.current_staff_site()));

-- 2. The desk's counts and lists. An invoice owes something exactly when its status is ISSUED or
-- PARTIAL (tutti.refresh_invoice_status sets it from the same sums at every payment and credit
-- note), so the overdue ones are read from a partial index instead of summing the payments of every
-- past-due invoice of the site (1.4 s at 50,000 families). The names are written in the statement:
-- a function call per row costs more than the row.

CREATE INDEX invoice_overdue_ix ON tutti.invoice (site_id, due_date)
    WHERE credit_note_for IS NULL AND status IN ('ISSUED', 'PARTIAL');

CREATE OR REPLACE FUNCTION tutti.desk_counts()
RETURNS TABLE (changes_waiting integer, reenrolments_waiting integer, mails_failed integer, invoices_overdue integer,
               accounts_locked integer)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, tutti, pg_temp
AS $$
    SELECT (SELECT count(*)::integer FROM tutti.change_request c WHERE c.site_id = b.site_id AND c.status = 'PENDING'),
           (SELECT count(*)::integer FROM tutti.reenrolment_request r WHERE r.site_id = b.site_id AND r.status = 'PENDING'),
           (SELECT count(*)::integer FROM tutti.mail_outbox m WHERE m.site_id = b.site_id AND m.status = 'FAILED'),
           (SELECT count(*)::integer FROM tutti.invoice i
             WHERE i.site_id = b.site_id AND i.credit_note_for IS NULL AND i.status IN ('ISSUED', 'PARTIAL')
               AND i.due_date < current_date),
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
                   concat_ws(' ', nullif(btrim(CASE btrim(f.civility) WHEN 'MME' THEN 'Mme' WHEN 'M' THEN 'M.'
                                                   ELSE btrim(f.civility) END), ''),
                             nullif(btrim(f.first_name), ''), nullif(btrim(f.last_name), '')) AS family_name,
                   i.due_date,
                   i.total_amount
                   - coalesce((SELECT sum(a.amount) FROM tutti.payment_allocation a WHERE a.invoice_id = i.id), 0)
                   - coalesce((SELECT sum(c.total_amount) FROM tutti.invoice c WHERE c.credit_note_for = i.id), 0)
                   AS balance
              FROM tutti.billing_staff() b
              JOIN tutti.invoice i ON i.site_id = b.site_id
              JOIN tutti.family f ON f.id = i.family_id
             WHERE i.credit_note_for IS NULL AND i.status IN ('ISSUED', 'PARTIAL')
               AND i.due_date < current_date) o
     WHERE o.balance > 0
     ORDER BY o.due_date, o.number
$$;

-- The accounts list: the last login of every account of the site in one pass over the sessions
-- (a subquery per account scanned app_session twice per row), the name in the statement.
CREATE OR REPLACE FUNCTION tutti.family_accounts(filter text)
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
                       concat_ws(' ', nullif(btrim(CASE btrim(f.civility) WHEN 'MME' THEN 'Mme' WHEN 'M' THEN 'M.'
                                                       ELSE btrim(f.civility) END), ''),
                                 nullif(btrim(f.first_name), ''), nullif(btrim(f.last_name), '')) AS name,
                       l.last_login,
                       (NOT a.active OR coalesce(a.locked_until > now(), false)) AS is_locked,
                       CASE WHEN a.locked_until > now() THEN a.locked_until END AS lockout
                  FROM tutti.account a
                  JOIN tutti.family f ON f.id = a.family_id
                  LEFT JOIN (SELECT s.account_id, max(s.created_at) AS last_login
                               FROM tutti.app_session s
                               JOIN tutti.account sa ON sa.id = s.account_id
                              WHERE sa.site_id = staff.site_id AND sa.role = 'FAMILY'
                              GROUP BY s.account_id) l ON l.account_id = a.id
                 WHERE a.site_id = staff.site_id AND a.role = 'FAMILY') x
         WHERE wanted = 'ALL'
            OR (wanted = 'NEVER_USED' AND x.last_login IS NULL)
            OR (wanted = 'LOCKED' AND x.is_locked)
         ORDER BY x.identifier;
END
$$;
