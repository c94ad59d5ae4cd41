-- Issue 18 (performance and scale), 1. The Comptes screen finds accounts as the Familles screen finds
-- families, and reads a page of them, not the whole site. At 50,000 families the site's 30,000
-- accounts took 0.2 s to read and as long again to send and show, at every opening and every
-- filter change; a receptionist looks for one family's account.
--
-- tutti.family_accounts(filter, query, max_rows): the accounts of the filter ('ALL', 'NEVER_USED',
-- 'LOCKED') whose family the words typed find (every word starts a word of the family's
-- identifier, names, e-mails, phones or students' names, as tutti.search_families reads them; no
-- word: every account of the filter), ordered by identifier, at most max_rows (1,000 at most).
-- TU401 without a session, TU403 for a family's session, TU422 'invalid:filter',
-- 'invalid:max_rows' below 1, 'too_long:query:100'. Same columns as before.

DROP FUNCTION tutti.family_accounts(text);

CREATE FUNCTION tutti.family_accounts(filter text, query text, max_rows integer)
RETURNS TABLE (account_id bigint, family_id bigint, identifier text, family_name text, email text,
               created_at timestamptz, last_login_at timestamptz, locked boolean, locked_until timestamptz,
               never_used boolean)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, tutti, pg_temp
SET plan_cache_mode = force_custom_plan
AS $$
DECLARE
    staff_site constant bigint := (SELECT b.site_id FROM tutti.billing_staff() b);
    wanted constant text := upper(coalesce(family_accounts.filter, ''));
    words text[];
    patterns text[];
    driver text;
    found bigint[];
BEGIN
    IF wanted NOT IN ('ALL', 'NEVER_USED', 'LOCKED') THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:filter';
    END IF;
    IF max_rows IS NULL OR max_rows < 1 THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:max_rows';
    END IF;
    IF char_length(query) > 100 THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'too_long:query:100';
    END IF;
    words := tutti.search_query_words(coalesce(query, ''));
    IF cardinality(words) > 0 THEN
        -- the families found, as tutti.search_families finds them (its trigram index)
        patterns := ARRAY(SELECT '% ' || replace(replace(replace(w, '\', '\\'), '%', '\%'), '_', '\_') || '%'
                            FROM unnest(words) AS w);
        driver := (SELECT p FROM unnest(patterns) AS p ORDER BY char_length(p) DESC, p LIMIT 1);
        found := ARRAY(SELECT s.family_id FROM tutti.family_search s
                        WHERE s.document LIKE driver AND s.document LIKE ALL (patterns) AND s.site_id = staff_site);
    END IF;
    -- the page first (in the order of account_identifier_uk), then its names and last logins
    RETURN QUERY
        SELECT p.id, p.family_id, p.identifier::text,
               concat_ws(' ', nullif(btrim(CASE btrim(f.civility) WHEN 'MME' THEN 'Mme' WHEN 'M' THEN 'M.'
                                               ELSE btrim(f.civility) END), ''),
                         nullif(btrim(f.first_name), ''), nullif(btrim(f.last_name), '')),
               p.email::text, p.created_at, l.last_login,
               (NOT p.active OR coalesce(p.locked_until > now(), false)),
               CASE WHEN p.locked_until > now() THEN p.locked_until END,
               l.last_login IS NULL
          FROM (SELECT a.id, a.family_id, a.identifier, a.email, a.created_at, a.active, a.locked_until
                  FROM tutti.account a
                 WHERE a.site_id = staff_site AND a.role = 'FAMILY'
                   AND (found IS NULL OR a.family_id = ANY (found))
                   AND (wanted = 'ALL'
                        OR (wanted = 'NEVER_USED'
                            AND NOT EXISTS (SELECT FROM tutti.app_session s WHERE s.account_id = a.id))
                        OR (wanted = 'LOCKED' AND (NOT a.active OR coalesce(a.locked_until > now(), false))))
                 ORDER BY a.identifier
                 LIMIT least(max_rows, 1000)) p
          JOIN tutti.family f ON f.id = p.family_id
          LEFT JOIN LATERAL (SELECT max(s.created_at) AS last_login FROM tutti.app_session s
                              WHERE s.account_id = p.id) l ON true
         ORDER BY p.identifier;
END
$$;

REVOKE EXECUTE ON FUNCTION tutti.family_accounts(text, text, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tutti.family_accounts(text, text, integer) TO tutti_staff;

-- 2. The desk's window of unpaid invoices past due reads the oldest ones, a page of them: at 50,000
-- families the site's 17,000 took 0.3 s to read and as long again to show. Their number is on the
-- desk (desk_counts); each family's file lists all of its own.
--
-- tutti.overdue_invoices(max_rows): as before, the oldest first, at most max_rows (1,000 at most).
-- TU401 without a session, TU403 for a family's session, TU422 'invalid:max_rows' below 1.

DROP FUNCTION tutti.overdue_invoices();

-- V23's partial index gives the due dates in order, but a school issues most invoices on a few
-- dates: the page's order (due date, then number) needs the number in the index too, or every
-- overdue invoice is read and summed before the first 500 are known.
DROP INDEX tutti.invoice_overdue_ix;
CREATE INDEX invoice_overdue_ix ON tutti.invoice (site_id, due_date, number)
    WHERE credit_note_for IS NULL AND status IN ('ISSUED', 'PARTIAL');

CREATE FUNCTION tutti.overdue_invoices(max_rows integer)
RETURNS TABLE (invoice_id bigint, number varchar, family_id bigint, family_identifier varchar, family_name text,
               due_date date, balance numeric)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, tutti, pg_temp
AS $$
DECLARE
    staff_site constant bigint := (SELECT b.site_id FROM tutti.billing_staff() b);
BEGIN
    IF max_rows IS NULL OR max_rows < 1 THEN
        RAISE EXCEPTION USING ERRCODE = 'TU422', MESSAGE = 'invalid:max_rows';
    END IF;
    RETURN QUERY
        SELECT o.id, o.number, o.family_id, f.identifier,
               concat_ws(' ', nullif(btrim(CASE btrim(f.civility) WHEN 'MME' THEN 'Mme' WHEN 'M' THEN 'M.'
                                               ELSE btrim(f.civility) END), ''),
                         nullif(btrim(f.first_name), ''), nullif(btrim(f.last_name), '')),
               o.due_date, o.balance
          FROM (SELECT i.id, i.number, i.family_id, i.due_date,
                       i.total_amount
                       - coalesce((SELECT sum(a.amount) FROM tutti.payment_allocation a WHERE a.invoice_id = i.id), 0)
                       - coalesce((SELECT sum(c.total_amount) FROM tutti.invoice c WHERE c.credit_note_for = i.id), 0)
                       AS balance
                  FROM tutti.invoice i
                 WHERE i.site_id = staff_site AND i.credit_note_for IS NULL AND i.status IN ('ISSUED', 'PARTIAL')
                   AND i.due_date < current_date) o
          JOIN tutti.family f ON f.id = o.family_id
         WHERE o.balance > 0
         ORDER BY o.due_date, o.number
         LIMIT least(max_rows, 1000);
END
$$;

REVOKE EXECUTE ON FUNCTION tutti.overdue_invoices(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tutti.overdue_invoices(integer) TO tutti_staff;
