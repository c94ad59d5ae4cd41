-- Issue 18 on H2: nothing. The PostgreSQL V26 resolves the session once per transaction for the
-- row-level security policies (ADR 0022); H2 has no row-level security, its session functions are
-- Java (H2SecurityFunctions). Kept so that both vendors have the same versions.
SELECT 1;
