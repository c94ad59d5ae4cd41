-- Issue 16 on H2: the same logical step as postgresql/V15 (the front desk's shared columns). The
-- audit row of a staff action is written by org.tutti.schema.h2.Audit#staff, the counterpart of
-- tutti.audit_staff.
ALTER TABLE tutti.site ADD COLUMN identifier_pattern VARCHAR(20);
UPDATE tutti.site s
   SET identifier_pattern = COALESCE(
           (SELECT REGEXP_REPLACE(MIN(f.identifier), '[0-9]', '#', 'g') FROM tutti.family f
             WHERE f.site_id = s.id AND REGEXP_LIKE(f.identifier, '^[A-Z]{0,8}[0-9]{3,10}$')),
           LEFT(s.code, 1) || '####');
ALTER TABLE tutti.site ALTER COLUMN identifier_pattern SET DEFAULT 'F####';
ALTER TABLE tutti.site ALTER COLUMN identifier_pattern SET NOT NULL;
ALTER TABLE tutti.site ADD CONSTRAINT site_identifier_pattern_ck
    CHECK (REGEXP_LIKE(identifier_pattern, '^[A-Z]{0,8}#{3,10}$'));

ALTER TABLE tutti.site ADD COLUMN mail_sender VARCHAR(254);
ALTER TABLE tutti.site ADD COLUMN letterhead_logo VARBINARY(524288);
ALTER TABLE tutti.site ADD COLUMN session_lifetime_hours INTEGER;
ALTER TABLE tutti.site ADD CONSTRAINT site_session_lifetime_ck
    CHECK (session_lifetime_hours IS NULL OR session_lifetime_hours BETWEEN 1 AND 720);

ALTER TABLE tutti.account ADD COLUMN settings_right BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE tutti.account ADD CONSTRAINT account_settings_right_ck CHECK (role = 'STAFF' OR NOT settings_right);
UPDATE tutti.account SET settings_right = TRUE WHERE role = 'STAFF' AND identifier = 'DIRECTION';

ALTER TABLE tutti.audit_event ADD COLUMN family_id BIGINT REFERENCES tutti.family (id);
ALTER TABLE tutti.audit_event ADD COLUMN before_value VARCHAR(4000);
ALTER TABLE tutti.audit_event ADD COLUMN after_value VARCHAR(4000);
CREATE INDEX tutti.audit_event_family_ix ON tutti.audit_event (family_id, occurred_at);
