-- Issue 18 on H2: the same logical step as postgresql/V25 (SQL-API.md, "Front desk — accounts"):
-- tutti.family_accounts(filter, query, max_rows) finds accounts by their family's words and reads a
-- page of them (org.tutti.schema.h2.FamilyAccounts.familyAccounts, now with three arguments), and
-- tutti.overdue_invoices(max_rows) reads the oldest overdue invoices, a page of them.
DROP ALIAS tutti.family_accounts;
CREATE ALIAS tutti.family_accounts FOR 'org.tutti.schema.h2.FamilyAccounts.familyAccounts';

-- tutti.overdue_invoices(max_rows): the oldest first, a page of them (H2SecurityFunctions.overdueInvoices).
DROP ALIAS tutti.overdue_invoices;
CREATE ALIAS tutti.overdue_invoices FOR 'org.tutti.schema.h2.H2SecurityFunctions.overdueInvoices';
