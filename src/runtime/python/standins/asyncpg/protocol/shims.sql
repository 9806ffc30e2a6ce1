-- What the asyncpg stand-in changes in the database it runs on (PGlite in the page; a database of
-- its own on a real server in tests). pg_catalog is per database, so nothing else is touched.
--
-- The server's built-in functions are dispatched by their oid, so replacing one means renaming
-- it and creating a new function under the old name, which name lookup then finds.

-- pg_sleep only says how long it would sleep: the stand-in waits that long on the run's clock
-- (a query that sleeps 0.2 s takes 0.2 s of virtual time, and no real time).
ALTER FUNCTION pg_catalog.pg_sleep(double precision) RENAME TO pg_sleep_engine;
CREATE FUNCTION pg_catalog.pg_sleep(double precision) RETURNS void
    LANGUAGE plpgsql VOLATILE STRICT PARALLEL SAFE
    AS $$ BEGIN RAISE NOTICE USING MESSAGE = 'standin:pg_sleep:' || $1; END $$;

ALTER FUNCTION pg_catalog.pg_sleep_for(interval) RENAME TO pg_sleep_for_engine;
CREATE FUNCTION pg_catalog.pg_sleep_for(interval) RETURNS void
    LANGUAGE sql VOLATILE STRICT PARALLEL SAFE
    AS $$ SELECT pg_catalog.pg_sleep(extract(epoch FROM $1)::double precision) $$;

ALTER FUNCTION pg_catalog.pg_sleep_until(timestamp with time zone) RENAME TO pg_sleep_until_engine;
CREATE FUNCTION pg_catalog.pg_sleep_until(timestamp with time zone) RETURNS void
    LANGUAGE sql VOLATILE STRICT PARALLEL SAFE
    AS $$ SELECT pg_catalog.pg_sleep(greatest(0, extract(epoch FROM $1 - pg_catalog.clock_timestamp()))::double precision) $$;

-- Every stand-in connection shares one session; each has a process id of its own, which the
-- stand-in keeps in the setting standin.backend_pid while that connection holds the session.
ALTER FUNCTION pg_catalog.pg_backend_pid() RENAME TO pg_backend_pid_engine;
CREATE FUNCTION pg_catalog.pg_backend_pid() RETURNS integer
    LANGUAGE sql STABLE PARALLEL RESTRICTED
    AS $$ SELECT coalesce(nullif(pg_catalog.current_setting('standin.backend_pid', true), ''), '0')::integer $$;

-- Ending or cancelling a backend must never end the one session the page has: the stand-in ends
-- or cancels the connection with that process id instead.
ALTER FUNCTION pg_catalog.pg_terminate_backend(integer, bigint) RENAME TO pg_terminate_backend_engine;
CREATE FUNCTION pg_catalog.pg_terminate_backend(pid integer, timeout bigint DEFAULT 0) RETURNS boolean
    LANGUAGE plpgsql VOLATILE STRICT
    AS $$ BEGIN RAISE NOTICE USING MESSAGE = 'standin:terminate:' || pid; RETURN true; END $$;

ALTER FUNCTION pg_catalog.pg_cancel_backend(integer) RENAME TO pg_cancel_backend_engine;
CREATE FUNCTION pg_catalog.pg_cancel_backend(integer) RETURNS boolean
    LANGUAGE plpgsql VOLATILE STRICT
    AS $$ BEGIN RAISE NOTICE USING MESSAGE = 'standin:cancel:' || $1; RETURN true; END $$;
