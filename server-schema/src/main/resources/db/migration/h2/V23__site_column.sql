-- Issue 18 on H2: nothing. The PostgreSQL V23 gives the rows that staff policies filter their site
-- (a column kept by triggers) and reads the desk's overdue invoices from a partial index; H2 has no
-- row-level security, and its desk functions (SiteSettings) give the same rows from the payments at
-- the embedded demo's size. Kept so that both vendors have the same versions.
SELECT 1;
