-- Fallakte (docs/fallakte.md): row-level security for every new tenant table, exclusion constraints so that
-- dated facts of one series never overlap, and an append-only case history.
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
SELECT vorort_enable_tenant_rls('fall_nummernkreise');
--> statement-breakpoint
SELECT vorort_enable_tenant_rls('bedarfsgemeinschaften');
--> statement-breakpoint
SELECT vorort_enable_tenant_rls('personen');
--> statement-breakpoint
SELECT vorort_enable_tenant_rls('person_stammdaten');
--> statement-breakpoint
SELECT vorort_enable_tenant_rls('bg_mitgliedschaften');
--> statement-breakpoint
SELECT vorort_enable_tenant_rls('person_beziehungen');
--> statement-breakpoint
SELECT vorort_enable_tenant_rls('person_merkmale');
--> statement-breakpoint
SELECT vorort_enable_tenant_rls('bg_adressen');
--> statement-breakpoint
SELECT vorort_enable_tenant_rls('bg_bankverbindungen');
--> statement-breakpoint
SELECT vorort_enable_tenant_rls('person_einkommen');
--> statement-breakpoint
SELECT vorort_enable_tenant_rls('person_vermoegen');
--> statement-breakpoint
SELECT vorort_enable_tenant_rls('bg_unterkunft');
--> statement-breakpoint
SELECT vorort_enable_tenant_rls('fall_dokumente');
--> statement-breakpoint
SELECT vorort_enable_tenant_rls('fall_vermerke');
--> statement-breakpoint
SELECT vorort_enable_tenant_rls('fall_ereignisse');
--> statement-breakpoint
SELECT vorort_enable_tenant_rls('antraege');
--> statement-breakpoint
SELECT vorort_enable_tenant_rls('wiedervorlagen');
--> statement-breakpoint
-- The history of a case and its notes are never changed or deleted by the application.
REVOKE UPDATE, DELETE ON fall_ereignisse, fall_vermerke FROM vorort_app;
--> statement-breakpoint
-- A person belongs to at most one BG (or household) on any day.
ALTER TABLE bg_mitgliedschaften ADD CONSTRAINT bg_mitgliedschaften_keine_ueberschneidung
  EXCLUDE USING gist (traeger_id WITH =, person_id WITH =, daterange(gueltig_von, gueltig_bis, '[]') WITH &&);
--> statement-breakpoint
ALTER TABLE person_stammdaten ADD CONSTRAINT person_stammdaten_keine_ueberschneidung
  EXCLUDE USING gist (traeger_id WITH =, person_id WITH =, daterange(gueltig_von, gueltig_bis, '[]') WITH &&);
--> statement-breakpoint
ALTER TABLE person_merkmale ADD CONSTRAINT person_merkmale_keine_ueberschneidung
  EXCLUDE USING gist (traeger_id WITH =, person_id WITH =, daterange(gueltig_von, gueltig_bis, '[]') WITH &&);
--> statement-breakpoint
ALTER TABLE person_beziehungen ADD CONSTRAINT person_beziehungen_keine_ueberschneidung
  EXCLUDE USING gist (traeger_id WITH =, person_id WITH =, zu_person_id WITH =, art WITH =, daterange(gueltig_von, gueltig_bis, '[]') WITH &&);
--> statement-breakpoint
ALTER TABLE bg_adressen ADD CONSTRAINT bg_adressen_keine_ueberschneidung
  EXCLUDE USING gist (traeger_id WITH =, bg_id WITH =, daterange(gueltig_von, gueltig_bis, '[]') WITH &&);
--> statement-breakpoint
ALTER TABLE bg_bankverbindungen ADD CONSTRAINT bg_bankverbindungen_keine_ueberschneidung
  EXCLUDE USING gist (traeger_id WITH =, bg_id WITH =, daterange(gueltig_von, gueltig_bis, '[]') WITH &&);
--> statement-breakpoint
ALTER TABLE bg_unterkunft ADD CONSTRAINT bg_unterkunft_keine_ueberschneidung
  EXCLUDE USING gist (traeger_id WITH =, bg_id WITH =, daterange(gueltig_von, gueltig_bis, '[]') WITH &&);
--> statement-breakpoint
-- Search by name ignoring case.
CREATE INDEX person_stammdaten_vorname_idx ON person_stammdaten (traeger_id, lower(vorname));
