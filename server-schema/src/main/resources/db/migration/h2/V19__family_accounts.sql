-- Issue 16 on H2, part "accounts": the same logical step as postgresql/V19 (SQL-API.md, "Front
-- desk — accounts"): the per-site identifier counter and the account functions as Java functions
-- (org.tutti.schema.h2.FamilyAccounts). H2 has no roles nor row-level security: the grants of the
-- PostgreSQL step have no counterpart.
CREATE TABLE tutti.identifier_counter (
    site_id      BIGINT NOT NULL REFERENCES tutti.site (id),
    last_number  BIGINT NOT NULL,
    CONSTRAINT identifier_counter_pk PRIMARY KEY (site_id),
    CONSTRAINT identifier_counter_last_ck CHECK (last_number >= 0)
);

-- Every site starts after the highest number of the identifiers it ever gave (as on PostgreSQL).
INSERT INTO tutti.identifier_counter (site_id, last_number)
SELECT s.id, COALESCE(MAX(CAST(REGEXP_REPLACE(i.identifier, '^[A-Z]{0,8}', '') AS BIGINT)), 0)
  FROM tutti.site s
  LEFT JOIN (SELECT f.site_id, f.identifier FROM tutti.family f
             UNION ALL
             SELECT a.site_id, a.identifier FROM tutti.account a) i
         ON i.site_id = s.id AND REGEXP_LIKE(i.identifier, '^[A-Z]{0,8}[0-9]{1,18}$')
 GROUP BY s.id;

CREATE ALIAS tutti.family_accounts FOR 'org.tutti.schema.h2.FamilyAccounts.familyAccounts';
CREATE ALIAS tutti.create_family_account FOR 'org.tutti.schema.h2.FamilyAccounts.createFamilyAccount';
CREATE ALIAS tutti.issue_first_password FOR 'org.tutti.schema.h2.FamilyAccounts.issueFirstPassword';
CREATE ALIAS tutti.set_account_locked FOR 'org.tutti.schema.h2.FamilyAccounts.setAccountLocked';
CREATE ALIAS tutti.account_letter FOR 'org.tutti.schema.h2.FamilyAccounts.accountLetter';
