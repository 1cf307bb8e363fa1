-- Tenancy, the application role and the append-only audit trail (docs/adr/0003-tenancy-rls.md).
-- Kept to what PostgreSQL 15 and 18 both accept; idempotent where roles (cluster-wide) are concerned.

-- The role the application runs its tenant queries as. It owns nothing, so row-level security applies to it.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'vorort_app') THEN
    BEGIN
      CREATE ROLE vorort_app NOLOGIN NOSUPERUSER NOBYPASSRLS;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END;
  END IF;
  IF NOT pg_has_role(current_user, 'vorort_app', 'MEMBER') THEN
    EXECUTE format('GRANT vorort_app TO %I', current_user);
  END IF;
END
$$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO vorort_app;
--> statement-breakpoint
-- The Träger of the current transaction; NULL when none is set, so a query without it sees nothing.
CREATE FUNCTION vorort_current_traeger() RETURNS uuid
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT nullif(current_setting('vorort.traeger_id', true), '')::uuid $$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION vorort_current_traeger() TO vorort_app;
--> statement-breakpoint
-- Every table with Jobcenter data calls this once: RLS on, one policy keyed on traeger_id, grants for the app role.
CREATE FUNCTION vorort_enable_tenant_rls(tbl regclass) RETURNS void
  LANGUAGE plpgsql
  AS $$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', tbl);
  EXECUTE format(
    'CREATE POLICY tenant_isolation ON %s USING (traeger_id = vorort_current_traeger()) WITH CHECK (traeger_id = vorort_current_traeger())',
    tbl);
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %s TO vorort_app', tbl);
END
$$;
--> statement-breakpoint
ALTER TABLE traeger ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON traeger USING (id = vorort_current_traeger()) WITH CHECK (id = vorort_current_traeger());
--> statement-breakpoint
GRANT SELECT, UPDATE ON traeger TO vorort_app;
--> statement-breakpoint
SELECT vorort_enable_tenant_rls('kommunen');
--> statement-breakpoint
SELECT vorort_enable_tenant_rls('standorte');
--> statement-breakpoint
SELECT vorort_enable_tenant_rls('oidc_provider');
--> statement-breakpoint
SELECT vorort_enable_tenant_rls('users');
--> statement-breakpoint
SELECT vorort_enable_tenant_rls('user_standorte');
--> statement-breakpoint
SELECT vorort_enable_tenant_rls('sessions');
--> statement-breakpoint
SELECT vorort_enable_tenant_rls('auth_tokens');
--> statement-breakpoint
-- Sign-in identifies an account by its e-mail address alone, so an address is unique across Träger.
CREATE UNIQUE INDEX users_email_global_unique ON users (lower(email));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON login_throttle TO vorort_app;
--> statement-breakpoint
-- Audit trail: the application role may insert and read its own Träger's rows, never change or delete them.
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON audit_log USING (traeger_id = vorort_current_traeger()) WITH CHECK (traeger_id = vorort_current_traeger());
--> statement-breakpoint
GRANT SELECT, INSERT ON audit_log TO vorort_app;
--> statement-breakpoint
CREATE FUNCTION vorort_audit_log_append_only() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION vorort_audit_log_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION vorort_audit_log_append_only();
