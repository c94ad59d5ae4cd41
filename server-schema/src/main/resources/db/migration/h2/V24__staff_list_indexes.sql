-- Issue 18 on H2: nothing. The PostgreSQL V24 adds an index-only count of a course's enrolments and
-- an index on the folded family names Facturation sorts by; H2 has neither INCLUDE columns nor
-- indexes on expressions, and the embedded demo's lists are small. Kept so that both vendors have
-- the same versions.
SELECT 1;
