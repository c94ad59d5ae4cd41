-- Issue 12 on H2: the same logical step as postgresql/V10 (SQL-API.md, "Change requests"), in Java
-- (org.tutti.schema.h2.ChangeRequests): format characters stripped, 'too_long:<field>:<max>',
-- 'already_pending:<field>', the 4-argument submit_changes ('replaced:<field>': the alias of V5 maps
-- every H2SecurityFunctions.submitChanges, which now has a 3- and a 4-argument form) and
-- acknowledge_change over the new column change_request.seen_at.
ALTER TABLE tutti.change_request ADD COLUMN seen_at TIMESTAMP WITH TIME ZONE;
CREATE ALIAS tutti.acknowledge_change FOR 'org.tutti.schema.h2.H2SecurityFunctions.acknowledgeChange';
