-- Issue 10 on H2: nothing. The embedded demo is single-user and has no roles: the PostgreSQL
-- hardening (postgresql/V8) has no counterpart here; the H2 functions (org.tutti.schema.h2) take
-- the session rules of common/V7 into account. Kept so that both vendors have the same versions.
SELECT 1;
