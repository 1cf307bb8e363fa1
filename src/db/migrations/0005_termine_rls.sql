-- Termine (docs/termine.md): row-level security for every new tenant table and the guarantee that no Ressource
-- is ever booked twice: an exclusion constraint over [beginn, blockiert_bis) of all appointments not cancelled.
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
ALTER TABLE termine ADD CONSTRAINT termine_keine_doppelbuchung
  EXCLUDE USING gist (traeger_id WITH =, ressource_id WITH =, tstzrange(beginn, blockiert_bis) WITH &&)
  WHERE (status <> 'abgesagt');
--> statement-breakpoint
-- An open Warteliste offer holds its slot: at most one open offer per Ressource and time.
ALTER TABLE warteliste_angebote ADD CONSTRAINT warteliste_angebote_ein_offenes
  EXCLUDE USING gist (traeger_id WITH =, ressource_id WITH =, tstzrange(beginn, ende) WITH &&)
  WHERE (status = 'offen');
--> statement-breakpoint
SELECT vorort_enable_tenant_rls('termin_ressourcen');
--> statement-breakpoint
SELECT vorort_enable_tenant_rls('termin_sprechzeiten');
--> statement-breakpoint
SELECT vorort_enable_tenant_rls('termin_ausnahmen');
--> statement-breakpoint
SELECT vorort_enable_tenant_rls('termin_abwesenheiten');
--> statement-breakpoint
SELECT vorort_enable_tenant_rls('termin_anliegen');
--> statement-breakpoint
SELECT vorort_enable_tenant_rls('termine');
--> statement-breakpoint
SELECT vorort_enable_tenant_rls('termin_bestaetigungen');
--> statement-breakpoint
SELECT vorort_enable_tenant_rls('warteliste_eintraege');
--> statement-breakpoint
SELECT vorort_enable_tenant_rls('warteliste_angebote');
--> statement-breakpoint
SELECT vorort_enable_tenant_rls('einladungen');
