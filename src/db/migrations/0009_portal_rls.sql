-- Bürgerportal (docs/buergerportal.md): row-level security for every portal table.
SELECT vorort_enable_tenant_rls('antrag_entwuerfe');
--> statement-breakpoint
SELECT vorort_enable_tenant_rls('portal_dateien');
--> statement-breakpoint
SELECT vorort_enable_tenant_rls('postfach_nachrichten');
--> statement-breakpoint
SELECT vorort_enable_tenant_rls('zustellungswuensche');
--> statement-breakpoint
SELECT vorort_enable_tenant_rls('bevollmaechtigungen');
