-- Erstattungsforderungen bearbeiten (docs/aufhebung-erstattung.md): row-level security for the history of a Forderung, which
-- is append-only for the application.
SELECT vorort_enable_tenant_rls('erstattung_vorgaenge');
--> statement-breakpoint
REVOKE UPDATE, DELETE ON erstattung_vorgaenge FROM vorort_app;
