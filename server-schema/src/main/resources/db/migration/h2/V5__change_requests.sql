-- Issue 5 on H2: the same logical step as postgresql/V5 (SQL-API.md, "Change requests"), as Java
-- functions (org.tutti.schema.h2.ChangeRequests). The JSON of submit_changes arrives as a string.
CREATE ALIAS tutti.submit_changes FOR 'org.tutti.schema.h2.H2SecurityFunctions.submitChanges';
CREATE ALIAS tutti.decide_change FOR 'org.tutti.schema.h2.H2SecurityFunctions.decideChange';
