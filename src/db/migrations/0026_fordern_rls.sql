-- Fordern (docs/fordern.md): row-level security for the new tenant tables, and the rules the database keeps.
SELECT vorort_enable_tenant_rls('minderungsverfahren');
--> statement-breakpoint
SELECT vorort_enable_tenant_rls('leistungsminderungen');
--> statement-breakpoint
SELECT vorort_enable_tenant_rls('kdu_empfaenger');
--> statement-breakpoint
-- One procedure per Anlass (Einladung, Kooperationsplan, Teilnahme): a second one is refused.
CREATE UNIQUE INDEX minderungsverfahren_anlass_unique ON minderungsverfahren (traeger_id, anlass_art, anlass_id)
  WHERE anlass_id IS NOT NULL;
--> statement-breakpoint
CREATE UNIQUE INDEX minderungsverfahren_aktenzeichen_unique ON minderungsverfahren (traeger_id, aktenzeichen);
--> statement-breakpoint
-- One decided Minderung per procedure.
CREATE UNIQUE INDEX leistungsminderungen_verfahren_unique ON leistungsminderungen (traeger_id, verfahren_id);
