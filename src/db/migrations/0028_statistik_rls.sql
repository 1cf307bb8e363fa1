-- Statistik und Steuerung (docs/statistik.md): row-level security for the new tenant tables.
SELECT vorort_enable_tenant_rls('statistik_snapshots');
--> statement-breakpoint
SELECT vorort_enable_tenant_rls('statistik_personen');
--> statement-breakpoint
SELECT vorort_enable_tenant_rls('statistik_bg');
--> statement-breakpoint
SELECT vorort_enable_tenant_rls('statistik_werte');
--> statement-breakpoint
SELECT vorort_enable_tenant_rls('statistik_bezugsgroessen');
--> statement-breakpoint
SELECT vorort_enable_tenant_rls('statistik_einstellungen');
--> statement-breakpoint
SELECT vorort_enable_tenant_rls('vergleich_jobcenter');
--> statement-breakpoint
SELECT vorort_enable_tenant_rls('vergleich_importe');
--> statement-breakpoint
SELECT vorort_enable_tenant_rls('vergleich_werte');
