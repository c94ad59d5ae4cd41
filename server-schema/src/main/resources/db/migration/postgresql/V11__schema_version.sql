-- Issue 12 (faults): which schema version the database is at, for the client's check at start
-- (a client older than the database says "mettez Tutti à jour", a newer one says that IT must
-- migrate). Flyway's history stays the migrating user's (V2's claim_ownership leaves it alone)
-- and no login role may read it: the owner of the functions may read it, and the login roles
-- only learn the highest version applied, through this function.
GRANT SELECT ON tutti.flyway_schema_history TO tutti_owner;

-- The highest version applied successfully ("11"), NULL when none. Versions are compared as
-- numbers ("10" after "9"). Every name is qualified and pg_temp comes last: a caller's temporary
-- table or function named like them is never used.
CREATE FUNCTION tutti.schema_version() RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, tutti, pg_temp
AS $$
    SELECT h.version
      FROM tutti.flyway_schema_history h
     WHERE h.success AND h.version IS NOT NULL AND h.version ~ '^[0-9]+([.][0-9]+)*$'
     ORDER BY pg_catalog.string_to_array(h.version, '.')::pg_catalog.int4[] DESC
     LIMIT 1
$$;

REVOKE ALL ON FUNCTION tutti.schema_version() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tutti.schema_version() TO tutti_family, tutti_staff;
