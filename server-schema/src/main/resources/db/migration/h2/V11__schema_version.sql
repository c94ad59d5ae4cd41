-- Issue 12 on H2: the same logical step as postgresql/V11, as a Java function
-- (org.tutti.schema.h2.SchemaVersion). H2 has no roles: nothing to grant.
CREATE ALIAS tutti.schema_version FOR 'org.tutti.schema.h2.SchemaVersion.schemaVersion';
