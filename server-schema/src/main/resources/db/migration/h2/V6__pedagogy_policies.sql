-- Issue 6 on H2: the same logical step as postgresql/V6, which rewrites row-level security
-- policies for speed. H2 has no row-level security (the client's queries filter by family), so
-- there is nothing to change. This version exists so that both vendors stay at the same schema
-- version.
SELECT 1;
