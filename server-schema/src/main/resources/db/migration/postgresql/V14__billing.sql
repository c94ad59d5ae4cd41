-- Issue 14 on PostgreSQL: Facturation (SQL-API.md, "Billing").
--
--   site.document_prefix        the prefix of the site's invoice and receipt numbers (null: its code)
--   site.online_payment_url     the provider's page that pays an invoice, a template (SQL-API.md)
--   site.payment_instructions   how to pay, printed on the site's invoices
--   site_letterhead             what a session may read of its own site to print and pay: the view
--                               shows a family its family's site, a staff member its site, nobody
--                               else anything (tutti.site itself keeps id, code and name only)
--   invoice.credit_note_for     a credit note (avoir) corrects that invoice; credit_reason says why
--   document_counter            the gapless numbering of invoices and receipts per site and year:
--                               its row is locked by the issuing transaction, never a sequence
--   staff                       reads its site's billing rows; writes invoices, payments and
--                               rentals only through the functions below (its catalogue of rental
--                               items stays its own to write)

-- ---------------------------------------------------------------- data model

ALTER TABLE tutti.site ADD COLUMN document_prefix varchar(6);
ALTER TABLE tutti.site ADD CONSTRAINT site_document_prefix_ck CHECK (document_prefix ~ '^[A-Z0-9]{1,6}$');
ALTER TABLE tutti.site ADD COLUMN online_payment_url varchar(500);
ALTER TABLE tutti.site ADD COLUMN payment_instructions varchar(1000);

-- a site's code (up to 20 characters) may be the prefix: "<code>-R-2026-000001" needs 34
ALTER TABLE tutti.invoice ALTER COLUMN number TYPE varchar(40);
ALTER TABLE tutti.payment ALTER COLUMN receipt_number TYPE varchar(40);

ALTER TABLE tutti.invoice ADD COLUMN credit_note_for bigint REFERENCES tutti.invoice (id);
ALTER TABLE tutti.invoice ADD COLUMN credit_reason varchar(200);
ALTER TABLE tutti.invoice ADD CONSTRAINT invoice_credit_note_ck
    CHECK (credit_note_for IS NULL
           OR (credit_note_for <> id AND credit_reason IS NOT NULL AND status = 'PAID' AND total_amount > 0));
CREATE INDEX invoice_credit_note_for_ix ON tutti.invoice (credit_note_for);

CREATE TABLE tutti.document_counter (
    site_id      bigint      NOT NULL REFERENCES tutti.site (id),
    series       varchar(10) NOT NULL,
    year         integer     NOT NULL,
    last_number  integer     NOT NULL,
    CONSTRAINT document_counter_pk PRIMARY KEY (site_id, series, year),
    CONSTRAINT document_counter_series_ck CHECK (series IN ('INVOICE', 'RECEIPT')),
    CONSTRAINT document_counter_last_ck CHECK (last_number >= 0)
);
-- no grant and no policy: only the SECURITY DEFINER functions below number a document
ALTER TABLE tutti.document_counter ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;

-- ---------------------------------------------------------------- a database that already holds invoices

-- A site whose invoices numbered like "BEL-2026-000123" (an older demo, an import) all carry one
-- prefix keeps it, and its counters start after the highest numbers already issued: the next
-- document never takes a number that exists.
UPDATE tutti.site s
   SET document_prefix = p.prefix
  FROM (SELECT i.site_id, min(substring(i.number FROM '^([A-Z0-9]{1,6})-[0-9]{4}-[0-9]{6}$')) AS prefix,
               count(DISTINCT substring(i.number FROM '^([A-Z0-9]{1,6})-[0-9]{4}-[0-9]{6}$')) AS prefixes
          FROM tutti.invoice i
         GROUP BY i.site_id) p
 WHERE p.site_id = s.id AND p.prefixes = 1 AND s.document_prefix IS NULL;
INSERT INTO tutti.document_counter (site_id, series, year, last_number)
SELECT e.site_id, e.series, e.yr, max(e.n)
  FROM (SELECT d.site_id, d.series, substring(d.rest FROM 1 FOR 4)::integer AS yr, substring(d.rest FROM 6)::integer AS n
          FROM (SELECT i.site_id, 'INVOICE' AS series, substring(i.number FROM char_length(coalesce(s.document_prefix, s.code)) + 2) AS rest
          FROM tutti.invoice i JOIN tutti.site s ON s.id = i.site_id
         WHERE left(i.number, char_length(coalesce(s.document_prefix, s.code)) + 1) = coalesce(s.document_prefix, s.code) || '-'
        UNION ALL
        SELECT p.site_id, 'RECEIPT', substring(p.receipt_number FROM char_length(coalesce(s.document_prefix, s.code)) + 4)
          FROM tutti.payment p JOIN tutti.site s ON s.id = p.site_id
         WHERE left(p.receipt_number, char_length(coalesce(s.document_prefix, s.code)) + 3)
               = coalesce(s.document_prefix, s.code) || '-R-') d
 WHERE d.rest ~ '^[0-9]{4}-[0-9]{6}$') e
 GROUP BY e.site_id, e.series, e.yr;

-- ---------------------------------------------------------------- the site as printed

-- A session's own site, with what its documents print and what pays online. The view runs with
-- its owner's rights on tutti.site and tutti.family; the session functions pick the one row.
CREATE VIEW tutti.site_letterhead WITH (security_barrier) AS
    SELECT s.id, s.code, s.name, s.address1, s.address2, s.postal_code, s.city, s.phone, s.email,
           s.online_payment, s.online_payment_url, s.payment_instructions
      FROM tutti.site s
     WHERE s.id = (SELECT tutti.current_staff_site())
        OR s.id = (SELECT f.site_id FROM tutti.family f WHERE f.id = (SELECT tutti.current_family()));
GRANT SELECT ON tutti.site_letterhead TO tutti_family, tutti_staff;

-- ---------------------------------------------------------------- staff: billing through the functions

REVOKE INSERT, UPDATE, DELETE ON tutti.invoice, tutti.invoice_line, tutti.payment, tutti.payment_allocation,
    tutti.rental FROM tutti_staff;
DROP POLICY invoice_staff ON tutti.invoice;
CREATE POLICY invoice_staff ON tutti.invoice FOR SELECT TO tutti_staff
    USING (site_id = (SELECT tutti.current_staff_site()));
DROP POLICY invoice_line_staff ON tutti.invoice_line;
CREATE POLICY invoice_line_staff ON tutti.invoice_line FOR SELECT TO tutti_staff
    USING (invoice_id IN (SELECT i.id FROM tutti.invoice i));
DROP POLICY payment_staff ON tutti.payment;
CREATE POLICY payment_staff ON tutti.payment FOR SELECT TO tutti_staff
    USING (site_id = (SELECT tutti.current_staff_site()));
DROP POLICY payment_allocation_staff ON tutti.payment_allocation;
CREATE POLICY payment_allocation_staff ON tutti.payment_allocation FOR SELECT TO tutti_staff
    USING (payment_id IN (SELECT p.id FROM tutti.payment p));
DROP POLICY rental_staff ON tutti.rental;
CREATE POLICY rental_staff ON tutti.rental FOR SELECT TO tutti_staff
    USING (family_id IN (SELECT f.id FROM tutti.family f));

-- ---------------------------------------------------------------- helpers (no EXECUTE for login roles)

-- The STAFF session bound to this transaction: its account and site. TU401 without a live
-- session, TU403 for a family's.
CREATE FUNCTION tutti.billing_staff(OUT account_id bigint, OUT site_id bigint)
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, tutti, pg_temp
AS $$
DECLARE
    live constant bigint := tutti.bound_session_id();
BEGIN
    IF live IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'TU401', MESSAGE = 'no session';
    END IF;
    SELECT a.id, a.site_id INTO billing_staff.account_id, billing_staff.site_id
      FROM tutti.app_session s JOIN tutti.account a ON a.id = s.account_id
     WHERE s.id = live AND a.role = 'STAFF';
    IF billing_staff.site_id IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'TU403', MESSAGE = 'forbidden';
    END IF;
END
$$;

-- An amount sent as a JSON string ("120.00") or number: at most two decimals and integer_digits
-- digits before the point, never negative; NULL for anything else.
CREATE FUNCTION tutti.billing_amount(value jsonb, integer_digits integer) RETURNS numeric
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, tutti, pg_temp
AS $$
    SELECT CASE WHEN jsonb_typeof(value) IN ('string', 'number')
                     AND (value #>> '{}') ~ ('^[0-9]{1,' || integer_digits || '}(\.[0-9]{1,2})?$')
                THEN round((value #>> '{}')::numeric, 2) END
$$;

-- The next number of a site's series for the year of on_date: "BEL-2026-000124" (INVOICE) or
-- "BEL-R-2026-000043" (RECEIPT). The counter row stays locked until the caller's transaction ends,
-- so two issuers take turns and a rolled-back issue gives its number back: no duplicate, no gap.
CREATE FUNCTION tutti.next_document_number(site_id bigint, series text, on_date date) RETURNS text
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, tutti, pg_temp
AS $$
DECLARE
    yr constant integer := extract(year FROM on_date)::integer;
    n integer;
    prefix text;
BEGIN
    INSERT INTO tutti.document_counter AS c (site_id, series, year, last_number)
    VALUES (next_document_number.site_id, next_document_number.series, yr, 0)
    ON CONFLICT ON CONSTRAINT document_counter_pk DO NOTHING;
    SELECT c.last_number + 1 INTO n
      FROM tutti.document_counter c
     WHERE c.site_id = next_document_number.site_id AND c.series = next_document_number.series AND c.year = yr
       FOR UPDATE;
    UPDATE tutti.document_counter c SET last_number = n
     WHERE c.site_id = next_document_number.site_id AND c.series = next_document_number.series AND c.year = yr;
    SELECT coalesce(s.document_prefix, s.code) INTO prefix FROM tutti.site s WHERE s.id = next_document_number.site_id;
    RETURN prefix || CASE next_document_number.series WHEN 'RECEIPT' THEN '-R-' ELSE '-' END || yr || '-'
        || lpad(n::text, greatest(6, char_length(n::text)), '0');
END
$$;

-- What settles an invoice: its payment allocations and its credit notes.
CREATE FUNCTION tutti.invoice_settled(invoice_id bigint) RETURNS numeric
LANGUAGE sql STABLE SET search_path = pg_catalog, tutti, pg_temp
AS $$
    SELECT coalesce((SELECT sum(a.amount) FROM tutti.payment_allocation a WHERE a.invoice_id = invoice_settled.invoice_id), 0)
         + coalesce((SELECT sum(c.total_amount) FROM tutti.invoice c WHERE c.credit_note_for = invoice_settled.invoice_id), 0)
$$;

-- An invoice's status from what settles it: PAID when nothing is left and a payment took part,
-- CANCELLED when credit notes alone settled it, PARTIAL when something is left, ISSUED when nothing
-- settled it yet.
CREATE FUNCTION tutti.refresh_invoice_status(invoice_id bigint) RETURNS void
LANGUAGE sql VOLATILE SET search_path = pg_catalog, tutti, pg_temp
AS $$
    UPDATE tutti.invoice i
       SET status = CASE
                        WHEN tutti.invoice_settled(i.id) >= i.total_amount
                            THEN CASE WHEN EXISTS (SELECT FROM tutti.payment_allocation a WHERE a.invoice_id = i.id)
                                      THEN 'PAID' ELSE 'CANCELLED' END
                        WHEN tutti.invoice_settled(i.id) > 0 THEN 'PARTIAL'
                        ELSE 'ISSUED'
                    END,
           version = i.version + 1
     WHERE i.id = refresh_invoice_status.invoice_id
$$;

-- The school year invoices are issued for: the current one (TU422 'invalid:school_year' without one).
CREATE FUNCTION tutti.billing_school_year() RETURNS bigint
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, tutti, pg_temp
AS $$
DECLARE
    year_id bigint;
BEGIN
    SELECT y.id INTO year_id FROM tutti.school_year y WHERE y.is_current ORDER BY y.start_date DESC LIMIT 1;
    IF year_id IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:school_year';
    END IF;
    RETURN year_id;
END
$$;

-- "septembre 2026", whatever the server's locale.
CREATE FUNCTION tutti.french_month(day date) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, tutti, pg_temp
AS $$
    SELECT (ARRAY['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre',
                  'novembre', 'décembre'])[extract(month FROM day)::integer] || ' ' || extract(year FROM day)::integer
$$;

-- ---------------------------------------------------------------- issue_invoice

-- A STAFF session issues an invoice to a family of its site. lines: JSON array of
-- {"label": text, "student": student id or null, "quantity": "1.00", "unit_price": "420.00"}.
-- Returns its number. See SQL-API.md for the refusals.
CREATE FUNCTION tutti.issue_invoice(family_id bigint, kind text, due_date date, lines text) RETURNS text
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, tutti, pg_temp SET lock_timeout = '2s'
AS $$
DECLARE
    staff record := tutti.billing_staff();
    family bigint;
    sent jsonb;
    element jsonb;
    labels text[] := ARRAY[]::text[];
    students bigint[] := ARRAY[]::bigint[];
    quantities numeric[] := ARRAY[]::numeric[];
    prices numeric[] := ARRAY[]::numeric[];
    line_label text;
    student bigint;
    quantity numeric;
    price numeric;
    total numeric := 0;
    year_id bigint;
    invoice bigint;
    issued text;
    i integer;
BEGIN
    SELECT f.id INTO family FROM tutti.family f WHERE f.id = issue_invoice.family_id AND f.site_id = staff.site_id;
    IF family IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'TU403', MESSAGE = 'forbidden';
    END IF;
    IF issue_invoice.kind IS NULL OR issue_invoice.kind NOT IN ('COTISATION', 'LOCATION') THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:kind';
    END IF;
    IF issue_invoice.due_date IS NULL OR issue_invoice.due_date < current_date THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:due_date';
    END IF;
    BEGIN
        sent := issue_invoice.lines::jsonb;
    EXCEPTION WHEN invalid_text_representation THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:lines';
    END;
    IF sent IS NULL OR jsonb_typeof(sent) <> 'array' OR jsonb_array_length(sent) NOT BETWEEN 1 AND 50 THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:lines';
    END IF;
    FOR element IN SELECT e FROM jsonb_array_elements(sent) e LOOP
        IF jsonb_typeof(element) <> 'object' THEN
            RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:lines';
        END IF;
        line_label := CASE WHEN jsonb_typeof(element -> 'label') = 'string'
                           THEN btrim(tutti.strip_format_characters(element ->> 'label'), E' \t\r\n') END;
        IF line_label IS NULL OR line_label = '' THEN
            RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:label';
        END IF;
        IF char_length(line_label) > 200 THEN
            RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'too_long:label:200';
        END IF;
        student := NULL;
        IF coalesce(jsonb_typeof(element -> 'student'), 'null') <> 'null' THEN
            IF jsonb_typeof(element -> 'student') <> 'number' OR (element ->> 'student') !~ '^[0-9]{1,18}$' THEN
                RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:student';
            END IF;
            SELECT s.id INTO student FROM tutti.student s
             WHERE s.id = (element ->> 'student')::bigint AND s.family_id = family;
            IF student IS NULL THEN
                RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:student';
            END IF;
        END IF;
        quantity := tutti.billing_amount(element -> 'quantity', 6);
        IF quantity IS NULL OR quantity <= 0 THEN
            RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:quantity';
        END IF;
        price := tutti.billing_amount(element -> 'unit_price', 10);
        IF price IS NULL THEN
            RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:unit_price';
        END IF;
        IF round(quantity * price, 2) >= 10000000000 THEN
            RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:amount';
        END IF;
        total := total + round(quantity * price, 2);
        labels := labels || line_label;
        students := students || student;
        quantities := quantities || quantity;
        prices := prices || price;
    END LOOP;
    IF total <= 0 THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:total';
    END IF;
    IF total >= 10000000000 THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:amount';
    END IF;
    year_id := tutti.billing_school_year();

    BEGIN
        issued := tutti.next_document_number(staff.site_id, 'INVOICE', current_date);
        INSERT INTO tutti.invoice (site_id, family_id, school_year_id, number, kind, issue_date, due_date, total_amount,
                                   status)
        VALUES (staff.site_id, family, year_id, issued, issue_invoice.kind, current_date, issue_invoice.due_date, total,
                'ISSUED')
        RETURNING id INTO invoice;
        FOR i IN 1 .. cardinality(labels) LOOP
            INSERT INTO tutti.invoice_line (invoice_id, line_no, label, student_id, quantity, unit_price, amount)
            VALUES (invoice, i, labels[i], students[i], quantities[i], prices[i], round(quantities[i] * prices[i], 2));
        END LOOP;
    EXCEPTION WHEN lock_not_available THEN
        RAISE EXCEPTION USING ERRCODE = 'TU409', MESSAGE = 'busy';
    END;
    PERFORM tutti.audit(staff.site_id, staff.account_id, 'INVOICE_ISSUED',
                        format('invoice %s (%s): family %s, %s, %s line(s), total %s', invoice, issued, family,
                               issue_invoice.kind, cardinality(labels), total));
    RETURN issued;
END
$$;

-- ---------------------------------------------------------------- record_payment

-- A STAFF session records a family's payment and what it settles. allocations: JSON array of
-- {"invoice": invoice id, "amount": "120.00"}. Returns the receipt's number.
CREATE FUNCTION tutti.record_payment(family_id bigint, payment_date date, method text, amount numeric,
                                     reference text, allocations text) RETURNS text
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, tutti, pg_temp SET lock_timeout = '2s'
AS $$
DECLARE
    staff record := tutti.billing_staff();
    family bigint;
    note text := nullif(btrim(tutti.strip_format_characters(record_payment.reference), E' \t\r\n'), '');
    sent jsonb;
    element jsonb;
    invoice_ids bigint[] := ARRAY[]::bigint[];
    amounts numeric[] := ARRAY[]::numeric[];
    allocated numeric;
    sum_allocated numeric := 0;
    target record;
    payment bigint;
    receipt text;
    i integer;
BEGIN
    SELECT f.id INTO family FROM tutti.family f WHERE f.id = record_payment.family_id AND f.site_id = staff.site_id;
    IF family IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'TU403', MESSAGE = 'forbidden';
    END IF;
    IF record_payment.payment_date IS NULL OR record_payment.payment_date > current_date THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:payment_date';
    END IF;
    IF record_payment.method IS NULL
       OR record_payment.method NOT IN ('CHEQUE', 'TRANSFER', 'CASH', 'CARD', 'DIRECT_DEBIT', 'ONLINE') THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:method';
    END IF;
    IF record_payment.amount IS NULL OR record_payment.amount <= 0 OR record_payment.amount <> round(record_payment.amount, 2)
       OR record_payment.amount >= 10000000000 THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:amount';
    END IF;
    IF char_length(note) > 80 THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'too_long:reference:80';
    END IF;
    BEGIN
        sent := record_payment.allocations::jsonb;
    EXCEPTION WHEN invalid_text_representation THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:allocations';
    END;
    IF sent IS NULL OR jsonb_typeof(sent) <> 'array' OR jsonb_array_length(sent) = 0 THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:allocations';
    END IF;
    FOR element IN SELECT e FROM jsonb_array_elements(sent) e LOOP
        IF jsonb_typeof(element) <> 'object' OR jsonb_typeof(element -> 'invoice') IS DISTINCT FROM 'number'
           OR (element ->> 'invoice') !~ '^[0-9]{1,18}$'
           OR (element ->> 'invoice')::bigint = ANY (invoice_ids) THEN
            RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:allocations';
        END IF;
        IF NOT EXISTS (SELECT FROM tutti.invoice v
                        WHERE v.id = (element ->> 'invoice')::bigint AND v.family_id = family
                          AND v.site_id = staff.site_id AND v.credit_note_for IS NULL) THEN
            RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:invoice';
        END IF;
        allocated := tutti.billing_amount(element -> 'amount', 10);
        IF allocated IS NULL OR allocated <= 0 THEN
            RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:allocation';
        END IF;
        invoice_ids := invoice_ids || (element ->> 'invoice')::bigint;
        amounts := amounts || allocated;
        sum_allocated := sum_allocated + allocated;
    END LOOP;
    IF sum_allocated <> record_payment.amount THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'amount_mismatch';
    END IF;

    BEGIN
        -- the invoices first (in id order, so two payments never wait for each other in a circle),
        -- then their balances as the last committed payment left them
        PERFORM FROM tutti.invoice v WHERE v.id = ANY (invoice_ids) ORDER BY v.id FOR UPDATE;
        FOR i IN 1 .. cardinality(invoice_ids) LOOP
            SELECT v.number, v.total_amount - tutti.invoice_settled(v.id) AS balance INTO target
              FROM tutti.invoice v WHERE v.id = invoice_ids[i];
            IF amounts[i] > target.balance THEN
                RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'over_allocation:' || target.number;
            END IF;
        END LOOP;
        receipt := tutti.next_document_number(staff.site_id, 'RECEIPT', current_date);
        INSERT INTO tutti.payment (site_id, family_id, receipt_number, payment_date, amount, method, reference)
        VALUES (staff.site_id, family, receipt, record_payment.payment_date, record_payment.amount, record_payment.method,
                note)
        RETURNING id INTO payment;
        FOR i IN 1 .. cardinality(invoice_ids) LOOP
            INSERT INTO tutti.payment_allocation (payment_id, invoice_id, amount) VALUES (payment, invoice_ids[i], amounts[i]);
            PERFORM tutti.refresh_invoice_status(invoice_ids[i]);
        END LOOP;
    EXCEPTION WHEN lock_not_available THEN
        RAISE EXCEPTION USING ERRCODE = 'TU409', MESSAGE = 'busy';
    END;
    PERFORM tutti.audit(staff.site_id, staff.account_id, 'PAYMENT_RECORDED',
                        format('payment %s (%s): family %s, %s %s, invoice(s) %s', payment, receipt, family,
                               record_payment.method, record_payment.amount, array_to_string(invoice_ids, ', ')));
    RETURN receipt;
END
$$;

-- ---------------------------------------------------------------- issue_credit_note

-- A STAFF session corrects an invoice of its site with a credit note (avoir) of amount. Returns the
-- credit note's number (the invoice series).
CREATE FUNCTION tutti.issue_credit_note(invoice_id bigint, amount numeric, reason text) RETURNS text
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, tutti, pg_temp SET lock_timeout = '2s'
AS $$
DECLARE
    staff record := tutti.billing_staff();
    corrected record;
    why text := nullif(btrim(tutti.strip_format_characters(issue_credit_note.reason), E' \t\r\n'), '');
    balance numeric;
    credit bigint;
    issued text;
BEGIN
    -- not locked yet: whose invoice it is (site, family, kind and number never change)
    SELECT v.id, v.site_id, v.family_id, v.school_year_id, v.kind, v.number, v.credit_note_for INTO corrected
      FROM tutti.invoice v WHERE v.id = issue_credit_note.invoice_id;
    IF corrected.id IS NULL OR corrected.site_id <> staff.site_id THEN
        RAISE EXCEPTION USING ERRCODE = 'TU403', MESSAGE = 'forbidden';
    END IF;
    IF corrected.credit_note_for IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:invoice';
    END IF;
    IF issue_credit_note.amount IS NULL OR issue_credit_note.amount <= 0
       OR issue_credit_note.amount <> round(issue_credit_note.amount, 2) OR issue_credit_note.amount >= 10000000000 THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:amount';
    END IF;
    IF why IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:reason';
    END IF;
    IF char_length(why) > 200 THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'too_long:reason:200';
    END IF;

    BEGIN
        PERFORM FROM tutti.invoice v WHERE v.id = corrected.id FOR UPDATE;
        SELECT v.total_amount - tutti.invoice_settled(v.id) INTO balance FROM tutti.invoice v WHERE v.id = corrected.id;
        IF issue_credit_note.amount > balance THEN
            RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'credit_too_large';
        END IF;
        issued := tutti.next_document_number(staff.site_id, 'INVOICE', current_date);
        INSERT INTO tutti.invoice (site_id, family_id, school_year_id, number, kind, issue_date, due_date, total_amount,
                                   status, credit_note_for, credit_reason)
        VALUES (staff.site_id, corrected.family_id, corrected.school_year_id, issued, corrected.kind, current_date,
                current_date, issue_credit_note.amount, 'PAID', corrected.id, why)
        RETURNING id INTO credit;
        INSERT INTO tutti.invoice_line (invoice_id, line_no, label, student_id, quantity, unit_price, amount)
        VALUES (credit, 1, left('Avoir sur la facture ' || corrected.number || ' : ' || why, 200), NULL, 1,
                issue_credit_note.amount, issue_credit_note.amount);
        PERFORM tutti.refresh_invoice_status(corrected.id);
    EXCEPTION WHEN lock_not_available THEN
        RAISE EXCEPTION USING ERRCODE = 'TU409', MESSAGE = 'busy';
    END;
    PERFORM tutti.audit(staff.site_id, staff.account_id, 'CREDIT_NOTE_ISSUED',
                        format('credit note %s (%s) for invoice %s (%s): %s', credit, issued, corrected.id,
                               corrected.number, issue_credit_note.amount));
    RETURN issued;
END
$$;

-- ---------------------------------------------------------------- create_rental

-- A STAFF session rents an item of its site to a family of its site, and invoices the months of
-- the rental (nothing when the fee is 0: '' is returned). Returns the rental invoice's number.
CREATE FUNCTION tutti.create_rental(rental_item_id bigint, family_id bigint, student_id bigint, start_date date,
                                    end_date date, monthly_fee numeric, deposit numeric) RETURNS text
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, tutti, pg_temp SET lock_timeout = '2s'
AS $$
DECLARE
    staff record := tutti.billing_staff();
    item record;
    family bigint;
    months integer;
    total numeric;
    year_id bigint;
    rental bigint;
    invoice bigint;
    issued text := '';
BEGIN
    SELECT r.id, r.label INTO item FROM tutti.rental_item r
     WHERE r.id = create_rental.rental_item_id AND r.site_id = staff.site_id;
    SELECT f.id INTO family FROM tutti.family f WHERE f.id = create_rental.family_id AND f.site_id = staff.site_id;
    IF item.id IS NULL OR family IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'TU403', MESSAGE = 'forbidden';
    END IF;
    IF create_rental.student_id IS NOT NULL
       AND NOT EXISTS (SELECT FROM tutti.student s WHERE s.id = create_rental.student_id AND s.family_id = family) THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:student';
    END IF;
    IF create_rental.start_date IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:start_date';
    END IF;
    IF create_rental.end_date IS NULL OR create_rental.end_date <= create_rental.start_date THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:end_date';
    END IF;
    IF create_rental.monthly_fee IS NULL OR create_rental.monthly_fee < 0
       OR create_rental.monthly_fee <> round(create_rental.monthly_fee, 2) OR create_rental.monthly_fee >= 10000000000 THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:monthly_fee';
    END IF;
    IF create_rental.deposit IS NULL OR create_rental.deposit < 0
       OR create_rental.deposit <> round(create_rental.deposit, 2) OR create_rental.deposit >= 10000000000 THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:deposit';
    END IF;
    -- every month the rental runs in, the first and the last included: 10 September to 30 June is 10
    months := (extract(year FROM create_rental.end_date)::integer * 12 + extract(month FROM create_rental.end_date)::integer)
            - (extract(year FROM create_rental.start_date)::integer * 12 + extract(month FROM create_rental.start_date)::integer)
            + 1;
    total := months * create_rental.monthly_fee;
    IF months > 999999 OR total >= 10000000000 THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:end_date';
    END IF;
    IF total > 0 THEN
        year_id := tutti.billing_school_year();
    END IF;

    BEGIN
        PERFORM FROM tutti.rental_item r WHERE r.id = item.id FOR UPDATE;
        IF EXISTS (SELECT FROM tutti.rental r
                    WHERE r.rental_item_id = item.id
                      AND r.start_date <= create_rental.end_date AND r.end_date >= create_rental.start_date) THEN
            RAISE EXCEPTION USING ERRCODE = 'TU409', MESSAGE = 'item_rented';
        END IF;
        IF total > 0 THEN
            issued := tutti.next_document_number(staff.site_id, 'INVOICE', current_date);
            INSERT INTO tutti.invoice (site_id, family_id, school_year_id, number, kind, issue_date, due_date,
                                       total_amount, status)
            VALUES (staff.site_id, family, year_id, issued, 'LOCATION', current_date, current_date + 30, total, 'ISSUED')
            RETURNING id INTO invoice;
            INSERT INTO tutti.invoice_line (invoice_id, line_no, label, student_id, quantity, unit_price, amount)
            VALUES (invoice, 1, left('Location ' || item.label || ' — ' || tutti.french_month(create_rental.start_date)
                                     || ' à ' || tutti.french_month(create_rental.end_date), 200),
                    create_rental.student_id, months, create_rental.monthly_fee, total);
        END IF;
        INSERT INTO tutti.rental (rental_item_id, family_id, student_id, invoice_id, start_date, end_date, monthly_fee,
                                  deposit)
        VALUES (item.id, family, create_rental.student_id, invoice, create_rental.start_date, create_rental.end_date,
                create_rental.monthly_fee, create_rental.deposit)
        RETURNING id INTO rental;
    EXCEPTION WHEN lock_not_available THEN
        RAISE EXCEPTION USING ERRCODE = 'TU409', MESSAGE = 'busy';
    END;
    PERFORM tutti.audit(staff.site_id, staff.account_id, 'RENTAL_CREATED',
                        format('rental %s: item %s, family %s, %s to %s, invoice %s', rental, item.id, family,
                               create_rental.start_date, create_rental.end_date, coalesce(nullif(issued, ''), 'none')));
    RETURN issued;
END
$$;

-- ---------------------------------------------------------------- end_rental

-- A STAFF session ends a rental of its site earlier than planned (the item is back). No credit note
-- is issued here: staff issue one if they wish.
CREATE FUNCTION tutti.end_rental(rental_id bigint, end_date date) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, tutti, pg_temp SET lock_timeout = '2s'
AS $$
DECLARE
    staff record := tutti.billing_staff();
    rented record;
BEGIN
    IF NOT EXISTS (SELECT FROM tutti.rental r JOIN tutti.rental_item i ON i.id = r.rental_item_id
                    WHERE r.id = end_rental.rental_id AND i.site_id = staff.site_id) THEN
        RAISE EXCEPTION USING ERRCODE = 'TU403', MESSAGE = 'forbidden';
    END IF;
    BEGIN
        SELECT r.id, r.start_date, r.end_date INTO rented FROM tutti.rental r WHERE r.id = end_rental.rental_id FOR UPDATE;
        IF rented.end_date <= current_date THEN
            RAISE EXCEPTION USING ERRCODE = 'TU409', MESSAGE = 'already_ended';
        END IF;
        IF end_rental.end_date IS NULL OR end_rental.end_date <= rented.start_date
           OR end_rental.end_date >= rented.end_date THEN
            RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:end_date';
        END IF;
        UPDATE tutti.rental r SET end_date = end_rental.end_date, version = r.version + 1 WHERE r.id = rented.id;
    EXCEPTION WHEN lock_not_available THEN
        RAISE EXCEPTION USING ERRCODE = 'TU409', MESSAGE = 'busy';
    END;
    PERFORM tutti.audit(staff.site_id, staff.account_id, 'RENTAL_ENDED',
                        format('rental %s: ends %s instead of %s', rented.id, end_rental.end_date, rented.end_date));
END
$$;

GRANT EXECUTE ON FUNCTION
    tutti.issue_invoice(bigint, text, date, text),
    tutti.record_payment(bigint, date, text, numeric, text, text),
    tutti.issue_credit_note(bigint, numeric, text),
    tutti.create_rental(bigint, bigint, bigint, date, date, numeric, numeric),
    tutti.end_rental(bigint, date)
TO tutti_staff;
REVOKE EXECUTE ON FUNCTION
    tutti.issue_invoice(bigint, text, date, text),
    tutti.record_payment(bigint, date, text, numeric, text, text),
    tutti.issue_credit_note(bigint, numeric, text),
    tutti.create_rental(bigint, bigint, bigint, date, date, numeric, numeric),
    tutti.end_rental(bigint, date)
FROM PUBLIC;
