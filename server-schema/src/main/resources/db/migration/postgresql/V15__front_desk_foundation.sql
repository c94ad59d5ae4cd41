-- Issue 16 (the front desk), the shared foundation of its later steps (V16 to V19, SQL-API.md,
-- "Front desk"):
--
--   site.identifier_pattern     how a new family's identifier is written: a literal prefix then
--                               '#' for each digit at least ('F####' gives F0001 … F9999, F10000);
--                               existing sites take the shape of their families' identifiers
--   site.mail_sender            the From address of the site's mails (NULL: the relay's own)
--   site.letterhead_logo        a PNG or JPEG printed on the site's letters and invoices (≤ 512 KiB)
--   site.session_lifetime_hours a session of the site ends this long after its login
--                               (NULL: tutti.setting session_lifetime_hours)
--   account.settings_right      a staff account that may change its site's settings (the demo's
--                               DIRECTION accounts; existing DIRECTION staff accounts get it here)
--   audit_event.family_id, before_value, after_value
--                               a staff action on a family's file names the family and keeps what
--                               the values were and became, readable per family
--   tutti.audit_staff(...)      writes such a row for the bound staff session (internal: no grant)
ALTER TABLE tutti.site ADD COLUMN identifier_pattern varchar(20);
UPDATE tutti.site s
   SET identifier_pattern = coalesce(
           (SELECT regexp_replace(min(f.identifier), '[0-9]', '#', 'g') FROM tutti.family f
             WHERE f.site_id = s.id AND f.identifier ~ '^[A-Z]{0,8}[0-9]{3,10}$'),
           left(s.code, 1) || '####');
ALTER TABLE tutti.site ALTER COLUMN identifier_pattern SET DEFAULT 'F####';
ALTER TABLE tutti.site ALTER COLUMN identifier_pattern SET NOT NULL;
ALTER TABLE tutti.site ADD CONSTRAINT site_identifier_pattern_ck
    CHECK (identifier_pattern ~ '^[A-Z]{0,8}#{3,10}$');

ALTER TABLE tutti.site ADD COLUMN mail_sender varchar(254);
ALTER TABLE tutti.site ADD COLUMN letterhead_logo bytea;
ALTER TABLE tutti.site ADD CONSTRAINT site_letterhead_logo_ck
    CHECK (letterhead_logo IS NULL OR octet_length(letterhead_logo) <= 524288);
ALTER TABLE tutti.site ADD COLUMN session_lifetime_hours integer;
ALTER TABLE tutti.site ADD CONSTRAINT site_session_lifetime_ck
    CHECK (session_lifetime_hours IS NULL OR session_lifetime_hours BETWEEN 1 AND 720);

ALTER TABLE tutti.account ADD COLUMN settings_right boolean NOT NULL DEFAULT FALSE;
ALTER TABLE tutti.account ADD CONSTRAINT account_settings_right_ck CHECK (role = 'STAFF' OR NOT settings_right);
UPDATE tutti.account SET settings_right = TRUE WHERE role = 'STAFF' AND identifier = 'DIRECTION';

ALTER TABLE tutti.audit_event ADD COLUMN family_id bigint REFERENCES tutti.family (id);
ALTER TABLE tutti.audit_event ADD COLUMN before_value varchar(4000);
ALTER TABLE tutti.audit_event ADD COLUMN after_value varchar(4000);
CREATE INDEX audit_event_family_ix ON tutti.audit_event (family_id, occurred_at);

-- One row of the bound staff session's action (tutti.billing_staff() raises TU401/TU403 for
-- anything else), in the caller's transaction: the action and its trace commit or roll back
-- together.
CREATE FUNCTION tutti.audit_staff(family_id bigint, kind text, detail text, before_value text, after_value text)
RETURNS void
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, tutti, pg_temp
AS $$
DECLARE
    staff record := tutti.billing_staff();
BEGIN
    INSERT INTO tutti.audit_event (occurred_at, site_id, account_id, kind, detail, family_id, before_value, after_value)
    VALUES (now(), staff.site_id, staff.account_id, audit_staff.kind, left(audit_staff.detail, 4000),
            audit_staff.family_id, left(audit_staff.before_value, 4000), left(audit_staff.after_value, 4000));
END
$$;
REVOKE EXECUTE ON FUNCTION tutti.audit_staff(bigint, text, text, text, text) FROM PUBLIC;
