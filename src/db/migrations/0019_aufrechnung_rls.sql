-- Aufrechnung (§ 43 SGB II, docs/aufhebung-erstattung.md): row-level security for the new tenant table.
SELECT vorort_enable_tenant_rls('aufrechnungen');
--> statement-breakpoint
-- an Aufrechnung ends (status beendet), it is never deleted
REVOKE DELETE ON aufrechnungen FROM vorort_app;
