-- Issue 12 (review): a family that leaves a transaction open after submit_changes (its family or
-- student row locked) or after acknowledge_change (its refused request locked) must not keep the
-- front desk waiting. decide_change waits at most 2 s for a lock, then fails with 55P03
-- (lock_not_available) and the receptionist tries again; before, it waited for the staff role's
-- 30-second statement timeout, and the family can lower its own idle-in-transaction timeout.
ALTER FUNCTION tutti.decide_change(bigint, boolean, text, boolean) SET lock_timeout = '2s';
