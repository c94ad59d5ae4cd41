-- Issue 13 on H2: the same logical step as postgresql/V13 (SQL-API.md, "Re-enrolment"): the same
-- columns and constraints, submit_reenrolment and decide_reenrolment as Java functions
-- (org.tutti.schema.h2.Reenrolments) and the document types in use guarded by a Java trigger
-- (org.tutti.schema.h2.DocumentTypeGuard). H2 has no roles nor row-level security: the grants and
-- policies of the PostgreSQL step have no counterpart (the client filters by family and site).
ALTER TABLE tutti.site ADD COLUMN max_document_bytes INTEGER NOT NULL DEFAULT 2097152;
ALTER TABLE tutti.site ADD CONSTRAINT site_max_document_bytes_ck
    CHECK (max_document_bytes >= 1 AND max_document_bytes <= 10485760);

ALTER TABLE tutti.uploaded_document DROP CONSTRAINT uploaded_document_size_ck;
ALTER TABLE tutti.uploaded_document ADD CONSTRAINT uploaded_document_size_ck
    CHECK (size_bytes > 0 AND size_bytes <= 10485760);

ALTER TABLE tutti.reenrolment_request ADD COLUMN decision_comment VARCHAR(2000);

ALTER TABLE tutti.reenrolment_choice DROP CONSTRAINT reenrolment_choice_uk;
ALTER TABLE tutti.reenrolment_choice ADD CONSTRAINT reenrolment_choice_uk UNIQUE (request_id, enrolment_id);

CREATE ALIAS tutti.submit_reenrolment FOR 'org.tutti.schema.h2.H2SecurityFunctions.submitReenrolment';
CREATE ALIAS tutti.decide_reenrolment FOR 'org.tutti.schema.h2.H2SecurityFunctions.decideReenrolment';

CREATE TRIGGER tutti.document_type_in_use BEFORE UPDATE, DELETE ON tutti.document_type
    FOR EACH ROW CALL 'org.tutti.schema.h2.DocumentTypeGuard';
