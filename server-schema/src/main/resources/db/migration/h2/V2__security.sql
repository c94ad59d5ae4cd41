-- Tutti's SQL API on H2 (the embedded demo): the functions of SQL-API.md as Java functions with
-- the behaviour of the PostgreSQL ones (postgresql/V2__security.sql, the same logical step), so
-- that the client has one code path. H2 has no roles and no row-level security: see the javadoc
-- of org.tutti.schema.h2.H2SecurityFunctions for what differs.

-- set_config(name, value, is_local), which the client calls unqualified. H2's PostgreSQL mode has
-- a built-in SET_CONFIG that only returns its value, and an unqualified call reaches a Java alias
-- instead only with BUILTIN_ALIAS_OVERRIDE (which is not stored in the database: H2Urls puts it
-- in every URL; set here so that this migration works from any URL). H2 then looks the alias up
-- in the current schema, then in SCHEMA_SEARCH_PATH when one is set: the alias exists in both
-- schemas a client's connection may have as current one.
SET BUILTIN_ALIAS_OVERRIDE TRUE;
CREATE ALIAS public.set_config FOR 'org.tutti.schema.h2.H2SecurityFunctions.setConfig';
CREATE ALIAS tutti.set_config FOR 'org.tutti.schema.h2.H2SecurityFunctions.setConfig';

CREATE ALIAS tutti.login FOR 'org.tutti.schema.h2.H2SecurityFunctions.login';
CREATE ALIAS tutti.touch_session FOR 'org.tutti.schema.h2.H2SecurityFunctions.touchSession';
CREATE ALIAS tutti.current_account FOR 'org.tutti.schema.h2.H2SecurityFunctions.currentAccount';
CREATE ALIAS tutti.current_family FOR 'org.tutti.schema.h2.H2SecurityFunctions.currentFamily';
CREATE ALIAS tutti.current_staff_site FOR 'org.tutti.schema.h2.H2SecurityFunctions.currentStaffSite';
CREATE ALIAS tutti.session_info FOR 'org.tutti.schema.h2.H2SecurityFunctions.sessionInfo';
CREATE ALIAS tutti.logout FOR 'org.tutti.schema.h2.H2SecurityFunctions.logout';
CREATE ALIAS tutti.request_password FOR 'org.tutti.schema.h2.H2SecurityFunctions.requestPassword';
CREATE ALIAS tutti.change_password FOR 'org.tutti.schema.h2.H2SecurityFunctions.changePassword';
