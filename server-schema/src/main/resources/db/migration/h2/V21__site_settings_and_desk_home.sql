-- Issue 16 on H2, part "settings + home": the same logical step as postgresql/V21 (SQL-API.md,
-- "Front desk — settings and Accueil") as Java functions (org.tutti.schema.h2.SiteSettings). A
-- site's session_lifetime_hours is applied where H2 judges a session live (BoundSession#live).
CREATE ALIAS tutti.site_settings FOR 'org.tutti.schema.h2.H2SecurityFunctions.siteSettings';
CREATE ALIAS tutti.save_site_settings FOR 'org.tutti.schema.h2.H2SecurityFunctions.saveSiteSettings';
CREATE ALIAS tutti.desk_counts FOR 'org.tutti.schema.h2.H2SecurityFunctions.deskCounts';
CREATE ALIAS tutti.failed_mails FOR 'org.tutti.schema.h2.H2SecurityFunctions.failedMails';
CREATE ALIAS tutti.retry_mail FOR 'org.tutti.schema.h2.H2SecurityFunctions.retryMail';
CREATE ALIAS tutti.overdue_invoices FOR 'org.tutti.schema.h2.H2SecurityFunctions.overdueInvoices';
