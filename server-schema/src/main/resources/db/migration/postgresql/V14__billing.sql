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
