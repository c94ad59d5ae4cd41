-- Issue 12 (review): on PostgreSQL decide_change waits at most 2 s for a lock. H2 (the demo, one
-- user) has no login roles to leave a transaction open and keeps its default lock timeout.
SELECT 1;
