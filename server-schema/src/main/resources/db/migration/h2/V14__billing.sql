-- Issue 14 on H2: the same logical step as postgresql/V14 (SQL-API.md, "Billing"): the same
-- columns, table, view and constraints, and the billing functions as Java functions
-- (org.tutti.schema.h2.Billing). H2 has no roles nor row-level security: the grants and policies
-- of the PostgreSQL step have no counterpart (the client filters by family and site). YEAR is a
-- keyword of H2: the column is written "year" (quoted, which PostgreSQL reads as well).
ALTER TABLE tutti.site ADD COLUMN document_prefix VARCHAR(6);
ALTER TABLE tutti.site ADD CONSTRAINT site_document_prefix_ck CHECK (REGEXP_LIKE(document_prefix, '^[A-Z0-9]{1,6}$'));
ALTER TABLE tutti.site ADD COLUMN online_payment_url VARCHAR(500);
ALTER TABLE tutti.site ADD COLUMN payment_instructions VARCHAR(1000);

ALTER TABLE tutti.invoice ALTER COLUMN number SET DATA TYPE VARCHAR(40);
ALTER TABLE tutti.payment ALTER COLUMN receipt_number SET DATA TYPE VARCHAR(40);

ALTER TABLE tutti.invoice ADD COLUMN credit_note_for BIGINT REFERENCES tutti.invoice (id);
ALTER TABLE tutti.invoice ADD COLUMN credit_reason VARCHAR(200);
ALTER TABLE tutti.invoice ADD CONSTRAINT invoice_credit_note_ck
    CHECK (credit_note_for IS NULL
           OR (credit_note_for <> id AND credit_reason IS NOT NULL AND status = 'PAID' AND total_amount > 0));
CREATE INDEX tutti.invoice_credit_note_for_ix ON tutti.invoice (credit_note_for);

CREATE TABLE tutti.document_counter (
    site_id      BIGINT      NOT NULL REFERENCES tutti.site (id),
    series       VARCHAR(10) NOT NULL,
    "year"       INTEGER     NOT NULL,
    last_number  INTEGER     NOT NULL,
    CONSTRAINT document_counter_pk PRIMARY KEY (site_id, series, "year"),
    CONSTRAINT document_counter_series_ck CHECK (series IN ('INVOICE', 'RECEIPT')),
    CONSTRAINT document_counter_last_ck CHECK (last_number >= 0)
);

-- A site whose invoices numbered like "BEL-2026-000123" all carry one prefix keeps it, and its counters start after the highest
-- numbers already issued (as on PostgreSQL).
UPDATE tutti.site s
   SET document_prefix = (SELECT MIN(REGEXP_SUBSTR(i.number, '^[A-Z0-9]{1,6}(?=-[0-9]{4}-[0-9]{6}$)'))
                            FROM tutti.invoice i WHERE i.site_id = s.id)
 WHERE s.document_prefix IS NULL
   AND (SELECT COUNT(DISTINCT REGEXP_SUBSTR(i.number, '^[A-Z0-9]{1,6}(?=-[0-9]{4}-[0-9]{6}$)'))
          FROM tutti.invoice i WHERE i.site_id = s.id) = 1;
INSERT INTO tutti.document_counter (site_id, series, "year", last_number)
SELECT e.site_id, e.series, e.yr, MAX(e.n)
  FROM (SELECT d.site_id, d.series, CAST(SUBSTRING(d.rest FROM 1 FOR 4) AS INTEGER) AS yr,
               CAST(SUBSTRING(d.rest FROM 6) AS INTEGER) AS n
          FROM (SELECT i.site_id, 'INVOICE' AS series,
               SUBSTRING(i.number FROM CHAR_LENGTH(COALESCE(s.document_prefix, s.code)) + 2) AS rest
          FROM tutti.invoice i JOIN tutti.site s ON s.id = i.site_id
         WHERE LEFT(i.number, CHAR_LENGTH(COALESCE(s.document_prefix, s.code)) + 1) = COALESCE(s.document_prefix, s.code) || '-'
        UNION ALL
        SELECT p.site_id, 'RECEIPT', SUBSTRING(p.receipt_number FROM CHAR_LENGTH(COALESCE(s.document_prefix, s.code)) + 4)
          FROM tutti.payment p JOIN tutti.site s ON s.id = p.site_id
         WHERE LEFT(p.receipt_number, CHAR_LENGTH(COALESCE(s.document_prefix, s.code)) + 3)
               = COALESCE(s.document_prefix, s.code) || '-R-') d
 WHERE REGEXP_LIKE(d.rest, '^[0-9]{4}-[0-9]{6}$')) e
 GROUP BY e.site_id, e.series, e.yr;

CREATE VIEW tutti.site_letterhead AS
    SELECT s.id, s.code, s.name, s.address1, s.address2, s.postal_code, s.city, s.phone, s.email,
           s.online_payment, s.online_payment_url, s.payment_instructions
      FROM tutti.site s
     WHERE s.id = tutti.current_staff_site()
        OR s.id = (SELECT f.site_id FROM tutti.family f WHERE f.id = tutti.current_family());

CREATE ALIAS tutti.issue_invoice FOR 'org.tutti.schema.h2.H2SecurityFunctions.issueInvoice';
CREATE ALIAS tutti.record_payment FOR 'org.tutti.schema.h2.H2SecurityFunctions.recordPayment';
CREATE ALIAS tutti.issue_credit_note FOR 'org.tutti.schema.h2.H2SecurityFunctions.issueCreditNote';
CREATE ALIAS tutti.create_rental FOR 'org.tutti.schema.h2.H2SecurityFunctions.createRental';
CREATE ALIAS tutti.end_rental FOR 'org.tutti.schema.h2.H2SecurityFunctions.endRental';
