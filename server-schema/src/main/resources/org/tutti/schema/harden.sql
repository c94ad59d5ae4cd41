-- Tutti: the superuser hardening step (SQL-API.md, "Hardening"; ADR 0009).
-- Run once per database by a superuser, after `tutti-schema migrate`, in the Tutti database:
--     tutti-schema harden --url … --user postgres
-- or, as printed by `tutti-schema migrate` when its user is not a superuser:
--     psql -v ON_ERROR_STOP=1 -d <database> -f harden.sql
-- Safe to run again: it checks, creates what is missing and sets a new password for the
-- database's recorder role. Values chosen for this run (`tutti-schema harden --help`):
--     loopback host      {{loopback_host}}
--     family connections {{family_connections}} (0: half of max_connections)
BEGIN;

DO $harden$
DECLARE
    loopback_host constant text := '{{loopback_host}}';
    family_connections integer := {{family_connections}};
    max_connections constant integer := current_setting('max_connections')::integer;
    recorder name := left('tutti_recorder_' || regexp_replace(lower(current_database()), '[^a-z0-9_]', '_', 'g'), 63);
    recorder_password text;
    dblink_schema name;
    r record;
BEGIN
    IF NOT (SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user) THEN
        RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
            MESSAGE = format('hardening needs a superuser; %s is not one', current_user);
    END IF;
    IF to_regprocedure('tutti.rec_login_begin(text)') IS NULL THEN
        RAISE EXCEPTION 'schema tutti is missing or older than version 8: run tutti-schema migrate first';
    END IF;

    -- 1. dblink, in a schema of its own that no login role may use
    CREATE SCHEMA IF NOT EXISTS tutti_ext;
    REVOKE ALL ON SCHEMA tutti_ext FROM PUBLIC;
    GRANT USAGE ON SCHEMA tutti_ext TO tutti_owner;
    CREATE EXTENSION IF NOT EXISTS dblink WITH SCHEMA tutti_ext;
    SELECT n.nspname INTO dblink_schema
      FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
     WHERE e.extname = 'dblink';
    FOR r IN SELECT p.oid::regprocedure AS routine
               FROM pg_catalog.pg_proc p
               JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_proc'::regclass AND d.objid = p.oid
                                          AND d.deptype = 'e'
               JOIN pg_catalog.pg_extension e ON e.oid = d.refobjid AND e.extname = 'dblink'
    LOOP
        EXECUTE format('REVOKE EXECUTE ON FUNCTION %s FROM PUBLIC', r.routine);
        EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO tutti_owner', r.routine);
    END LOOP;

    -- 2. the recorder: a LOGIN role of this database that may only run tutti.rec_* functions
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'tutti_recorder') THEN
        CREATE ROLE tutti_recorder NOLOGIN NOINHERIT;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = recorder) THEN
        EXECUTE format('CREATE ROLE %I LOGIN INHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS',
                       recorder);
    END IF;
    EXECUTE format('ALTER ROLE %I LOGIN INHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS '
                   'CONNECTION LIMIT %s', recorder, greatest(4, max_connections / 4));
    EXECUTE format('GRANT tutti_recorder TO %I', recorder);
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), recorder);
    EXECUTE format('ALTER ROLE %I SET statement_timeout = %L', recorder, '10s');
    EXECUTE format('ALTER ROLE %I SET lock_timeout = %L', recorder, '2s');
    EXECUTE format('ALTER ROLE %I SET idle_in_transaction_session_timeout = %L', recorder, '10s');
    GRANT USAGE ON SCHEMA tutti TO tutti_recorder;
    FOR r IN SELECT p.oid::regprocedure AS routine
               FROM pg_catalog.pg_proc p
              WHERE p.pronamespace = 'tutti'::regnamespace AND p.proname LIKE 'rec\_%'
    LOOP
        EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO tutti_recorder', r.routine);
    END LOOP;
    PERFORM set_config('password_encryption', 'scram-sha-256', true);
    recorder_password := encode(tutti.random_bytes(30), 'base64');
    EXECUTE format('ALTER ROLE %I PASSWORD %L', recorder, recorder_password);

    -- 3. the loopback: a foreign server on this database, used by tutti_owner as the recorder
    IF EXISTS (SELECT FROM pg_catalog.pg_foreign_server WHERE srvname = 'tutti_loopback') THEN
        DROP SERVER tutti_loopback CASCADE;
    END IF;
    EXECUTE format('CREATE SERVER tutti_loopback FOREIGN DATA WRAPPER dblink_fdw '
                   'OPTIONS (host %L, port %L, dbname %L)',
                   loopback_host, current_setting('port'), current_database());
    GRANT USAGE ON FOREIGN SERVER tutti_loopback TO tutti_owner;
    EXECUTE format('CREATE USER MAPPING FOR tutti_owner SERVER tutti_loopback OPTIONS (user %L, password %L)',
                   recorder, recorder_password);
    EXECUTE format($f$
        CREATE OR REPLACE FUNCTION tutti.loopback(statement text) RETURNS text
        LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, tutti, pg_temp
        AS 'SELECT t.r FROM %1$I.dblink(''tutti_loopback'', statement) AS t (r text)';
        CREATE OR REPLACE FUNCTION tutti.loopback_open() RETURNS void
        LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, tutti, pg_temp
        AS 'BEGIN
                PERFORM tutti.loopback_close();
                PERFORM %1$I.dblink_connect(''tutti_recorder'', ''tutti_loopback'');
            END';
        CREATE OR REPLACE FUNCTION tutti.loopback_exec(statement text) RETURNS text
        LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, tutti, pg_temp
        AS 'SELECT t.r FROM %1$I.dblink(''tutti_recorder'', statement) AS t (r text)';
        CREATE OR REPLACE FUNCTION tutti.loopback_close() RETURNS void
        LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, tutti, pg_temp
        AS 'BEGIN
                IF ''tutti_recorder'' = ANY (%1$I.dblink_get_connections()) THEN
                    PERFORM %1$I.dblink_disconnect(''tutti_recorder'');
                END IF;
            END';
    $f$, dblink_schema);
    ALTER FUNCTION tutti.loopback(text) OWNER TO tutti_owner;
    ALTER FUNCTION tutti.loopback_open() OWNER TO tutti_owner;
    ALTER FUNCTION tutti.loopback_exec(text) OWNER TO tutti_owner;
    ALTER FUNCTION tutti.loopback_close() OWNER TO tutti_owner;
    REVOKE EXECUTE ON FUNCTION tutti.loopback(text), tutti.loopback_open(), tutti.loopback_exec(text),
        tutti.loopback_close() FROM PUBLIC;

    -- 4. what PostgreSQL grants PUBLIC by default: temporary objects, objects in schema public,
    --    acting on or watching other connections, statistics, large objects
    EXECUTE format('REVOKE TEMPORARY, CREATE ON DATABASE %I FROM PUBLIC', current_database());
    REVOKE CREATE ON SCHEMA public FROM PUBLIC;
    FOR r IN SELECT p.oid::regprocedure AS routine
               FROM pg_catalog.pg_proc p
              WHERE p.pronamespace = 'pg_catalog'::regnamespace
                AND (p.proname IN ('pg_terminate_backend', 'pg_cancel_backend', 'pg_blocking_pids',
                                   'pg_safe_snapshot_blocking_pids', 'pg_lock_status', 'pg_stat_get_activity',
                                   'pg_stat_get_progress_info')
                     OR p.proname LIKE 'pg\_stat\_get\_%')
    LOOP
        EXECUTE format('REVOKE EXECUTE ON FUNCTION %s FROM PUBLIC', r.routine);
        EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO pg_read_all_stats', r.routine);
    END LOOP;
    FOR r IN SELECT c.oid::regclass AS view
               FROM pg_catalog.pg_class c
              WHERE c.relnamespace = 'pg_catalog'::regnamespace AND c.relkind = 'v'
                AND (c.relname IN ('pg_stat_activity', 'pg_locks', 'pg_stat_ssl', 'pg_stat_gssapi')
                     OR c.relname LIKE 'pg\_stat\_xact\_%')
    LOOP
        EXECUTE format('REVOKE SELECT ON %s FROM PUBLIC', r.view);
        EXECUTE format('GRANT SELECT ON %s TO pg_read_all_stats', r.view);
    END LOOP;
    FOR r IN SELECT p.oid::regprocedure AS routine
               FROM pg_catalog.pg_proc p
              WHERE p.pronamespace = 'pg_catalog'::regnamespace
                AND p.proname IN ('lo_create', 'lo_creat', 'lo_import', 'lo_from_bytea')
    LOOP
        EXECUTE format('REVOKE EXECUTE ON FUNCTION %s FROM PUBLIC', r.routine);
    END LOOP;

    -- 5. the login roles: family connections capped below max_connections; no statement and no
    --    open transaction lasts for ever (defaults a connection may lower, not a defence)
    IF family_connections <= 0 THEN
        family_connections := greatest(1, max_connections / 2);
    END IF;
    IF family_connections >= max_connections THEN
        RAISE EXCEPTION 'family connections (%) must stay below max_connections (%)', family_connections, max_connections;
    END IF;
    EXECUTE format('ALTER ROLE tutti_family CONNECTION LIMIT %s', family_connections);
    FOR r IN SELECT rolname FROM pg_catalog.pg_roles WHERE rolname IN ('tutti_family', 'tutti_staff') LOOP
        EXECUTE format('ALTER ROLE %I SET statement_timeout = %L', r.rolname, '30s');
        EXECUTE format('ALTER ROLE %I SET idle_in_transaction_session_timeout = %L', r.rolname, '60s');
    END LOOP;
END
$harden$;

COMMIT;
