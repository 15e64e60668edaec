-- The runtime role (ARCHITECTURE §3.2): the app connects as, or assumes, this role at run
-- time. It is never a superuser and never bypasses row-level security; each later
-- migration grants it exactly what it needs. Roles are cluster-wide, so create it once.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'concerto_app') THEN
    CREATE ROLE concerto_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
  END IF;
END
$$;

-- Nothing is reachable through PUBLIC: every privilege is granted by name.
REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO concerto_app;

-- /readyz compares the applied migrations with the files, as the runtime role.
GRANT SELECT ON schema_migrations TO concerto_app;
