-- After every migrate (PostgreSQL): whatever a migration created in schema tutti is handed to
-- tutti_owner, no function of it is executable by PUBLIC, and every new table but the site list
-- has row-level security on (deny by default until a migration writes its policies).
-- See V2__security.sql (tutti.claim_ownership) and ADR 0006.
DO $claim$
BEGIN
    IF to_regprocedure('tutti.claim_ownership()') IS NOT NULL THEN
        PERFORM tutti.claim_ownership();
    END IF;
END
$claim$;
