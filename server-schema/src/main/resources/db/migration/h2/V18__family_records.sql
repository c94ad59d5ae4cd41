-- Issue 16, part "records" on H2: the same logical step as postgresql/V18 (SQL-API.md, "Front
-- desk — records"): mail_outbox.family_id filled on insert and for the existing mails, the staff
-- actions audited per family by a Java trigger (org.tutti.schema.h2.FamilyRecordsTrigger, which
-- sees the bound session of the H2 session that writes), and the readers as Java functions
-- (org.tutti.schema.h2.FamilyRecords). H2 has no roles: the grants have no counterpart.
ALTER TABLE tutti.mail_outbox ADD COLUMN family_id BIGINT REFERENCES tutti.family (id);
CREATE INDEX tutti.mail_outbox_family_ix ON tutti.mail_outbox (family_id, created_at);

UPDATE tutti.mail_outbox m
   SET family_id = COALESCE(
           (SELECT MIN(f.id) FROM tutti.family f
             WHERE f.site_id = m.site_id AND LOWER(f.email) = LOWER(m.recipient)),
           (SELECT MIN(a.family_id) FROM tutti.account a
             WHERE a.site_id = m.site_id AND a.role = 'FAMILY' AND LOWER(a.email) = LOWER(m.recipient)))
 WHERE m.family_id IS NULL;

CREATE TRIGGER tutti.mail_outbox_family BEFORE INSERT ON tutti.mail_outbox
    FOR EACH ROW CALL 'org.tutti.schema.h2.FamilyRecordsTrigger';
CREATE TRIGGER tutti.change_request_decided_audit AFTER UPDATE ON tutti.change_request
    FOR EACH ROW CALL 'org.tutti.schema.h2.FamilyRecordsTrigger';
CREATE TRIGGER tutti.reenrolment_request_decided_audit AFTER UPDATE ON tutti.reenrolment_request
    FOR EACH ROW CALL 'org.tutti.schema.h2.FamilyRecordsTrigger';
CREATE TRIGGER tutti.invoice_issued_audit AFTER INSERT ON tutti.invoice
    FOR EACH ROW CALL 'org.tutti.schema.h2.FamilyRecordsTrigger';
CREATE TRIGGER tutti.payment_recorded_audit AFTER INSERT ON tutti.payment
    FOR EACH ROW CALL 'org.tutti.schema.h2.FamilyRecordsTrigger';
CREATE TRIGGER tutti.rental_audit AFTER INSERT, UPDATE ON tutti.rental
    FOR EACH ROW CALL 'org.tutti.schema.h2.FamilyRecordsTrigger';

CREATE ALIAS tutti.family_history FOR 'org.tutti.schema.h2.H2SecurityFunctions.familyHistory';
CREATE ALIAS tutti.family_mails FOR 'org.tutti.schema.h2.H2SecurityFunctions.familyMails';
CREATE ALIAS tutti.family_mail_text FOR 'org.tutti.schema.h2.H2SecurityFunctions.familyMailText';
