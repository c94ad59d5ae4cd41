-- Issue 18 on H2: nothing. The PostgreSQL V22 makes row-level security cheaper (the session
-- functions in PL/pgSQL, the families' policies as index conditions); H2 has no row-level security
-- and already has every index those policies use. Kept so that both vendors have the same versions.
SELECT 1;
