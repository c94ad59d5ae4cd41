-- Issue 16 (the front desk), part "file" on H2: the same logical step as postgresql/V17 (a staff
-- member edits a family or a student of its site at once, audited with before/after values;
-- pending change requests of the changed fields are superseded), by org.tutti.schema.h2.StaffEdits.
CREATE ALIAS tutti.staff_edit FOR 'org.tutti.schema.h2.StaffEdits.staffEdit';
