-- Fördern (docs/foerdern.md): row-level security for every new tenant table, and the rules the database keeps.
SELECT vorort_enable_tenant_rls('betreuungen');
--> statement-breakpoint
SELECT vorort_enable_tenant_rls('gespraechsvermerke');
--> statement-breakpoint
SELECT vorort_enable_tenant_rls('arbeitsmarktstatus');
--> statement-breakpoint
SELECT vorort_enable_tenant_rls('handlungsbedarf_katalog');
--> statement-breakpoint
SELECT vorort_enable_tenant_rls('potenzialanalysen');
--> statement-breakpoint
SELECT vorort_enable_tenant_rls('potenzialanalyse_gesundheit');
--> statement-breakpoint
SELECT vorort_enable_tenant_rls('kooperationsplaene');
--> statement-breakpoint
SELECT vorort_enable_tenant_rls('schlichtungen');
--> statement-breakpoint
SELECT vorort_enable_tenant_rls('eigenbemuehung_nachweise');
--> statement-breakpoint
SELECT vorort_enable_tenant_rls('massnahmen');
--> statement-breakpoint
SELECT vorort_enable_tenant_rls('massnahme_kontingente');
--> statement-breakpoint
SELECT vorort_enable_tenant_rls('massnahme_teilnahmen');
--> statement-breakpoint
SELECT vorort_enable_tenant_rls('eingliederungsbudgets');
--> statement-breakpoint
SELECT vorort_enable_tenant_rls('mittelbindungen');
--> statement-breakpoint
SELECT vorort_enable_tenant_rls('mittel_auszahlungen');
--> statement-breakpoint
SELECT vorort_enable_tenant_rls('foerderleistungen');
--> statement-breakpoint
SELECT vorort_enable_tenant_rls('integrationen');
--> statement-breakpoint
-- One persönliche Ansprechpartnerin at a time per person.
ALTER TABLE betreuungen ADD CONSTRAINT betreuungen_keine_ueberschneidung
  EXCLUDE USING gist (traeger_id WITH =, person_id WITH =, daterange(gueltig_von, gueltig_bis, '[]') WITH &&);
--> statement-breakpoint
-- One Arbeitsmarktstatus per person and day.
ALTER TABLE arbeitsmarktstatus ADD CONSTRAINT arbeitsmarktstatus_keine_ueberschneidung
  EXCLUDE USING gist (traeger_id WITH =, person_id WITH =, daterange(gueltig_von, gueltig_bis, '[]') WITH &&);
--> statement-breakpoint
-- A place of a Kontingent is held by at most one zugewiesene/eingetretene Teilnahme: of two people taking the last
-- place at once, one insert/update fails here and that Teilnahme goes to the Warteliste.
CREATE UNIQUE INDEX massnahme_teilnahmen_platz_unique ON massnahme_teilnahmen (traeger_id, kontingent_id, platz_nr)
  WHERE status IN ('zugewiesen', 'eingetreten');
--> statement-breakpoint
-- A person has at most one open (not ended) Teilnahme in the same Maßnahme.
CREATE UNIQUE INDEX massnahme_teilnahmen_offen_unique ON massnahme_teilnahmen (traeger_id, massnahme_id, person_id)
  WHERE status IN ('vorschlag', 'warteliste', 'wartet_auf_genehmigung', 'zugewiesen', 'eingetreten');
--> statement-breakpoint
-- At most one draft and one plan in force per person (older versions are 'fortgeschrieben').
CREATE UNIQUE INDEX kooperationsplaene_entwurf_unique ON kooperationsplaene (traeger_id, person_id)
  WHERE status = 'entwurf';
--> statement-breakpoint
CREATE UNIQUE INDEX kooperationsplaene_geltend_unique ON kooperationsplaene (traeger_id, person_id)
  WHERE status IN ('abgestimmt', 'nicht_zustande_gekommen');
--> statement-breakpoint
-- Notes and the health part of a Potenzialanalyse are never changed; a correction is a new version/note.
REVOKE UPDATE, DELETE ON gespraechsvermerke, potenzialanalysen, potenzialanalyse_gesundheit, mittel_auszahlungen FROM vorort_app;
