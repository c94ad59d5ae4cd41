-- Issue 16 on H2, part "pedagogy": the same logical step as postgresql/V20 (SQL-API.md, "Front desk —
-- pedagogy"): tutti.record_absences and tutti.record_evaluation as Java functions
-- (org.tutti.schema.h2.StaffPedagogy). H2 has no roles nor row-level security: the grants and policies
-- of the PostgreSQL step have no counterpart (the client filters by site).
CREATE ALIAS tutti.record_absences FOR 'org.tutti.schema.h2.StaffPedagogy.recordAbsences';
CREATE ALIAS tutti.record_evaluation FOR 'org.tutti.schema.h2.StaffPedagogy.recordEvaluation';
