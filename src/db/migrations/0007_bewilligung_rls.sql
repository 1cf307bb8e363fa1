-- Bewilligung, Bescheid, Zahlung, Kosten, Massenänderung (issue 4): row-level security for every tenant table,
-- no overlapping approved Bewilligungen of a BG, no overlapping KdU-Richtwerte, immutable Bescheide.
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
ALTER TABLE traeger_einstellungen ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON traeger_einstellungen USING (traeger_id = vorort_current_traeger()) WITH CHECK (traeger_id = vorort_current_traeger());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON traeger_einstellungen TO vorort_app;
--> statement-breakpoint
SELECT vorort_enable_tenant_rls('kdu_richtwerte');
--> statement-breakpoint
SELECT vorort_enable_tenant_rls('bewilligungen');
--> statement-breakpoint
SELECT vorort_enable_tenant_rls('bewilligung_monate');
--> statement-breakpoint
SELECT vorort_enable_tenant_rls('bescheide');
--> statement-breakpoint
SELECT vorort_enable_tenant_rls('korrekturen');
--> statement-breakpoint
SELECT vorort_enable_tenant_rls('zahllaeufe');
--> statement-breakpoint
SELECT vorort_enable_tenant_rls('zahlungen');
--> statement-breakpoint
SELECT vorort_enable_tenant_rls('buchungen');
--> statement-breakpoint
SELECT vorort_enable_tenant_rls('erstattungsforderungen');
--> statement-breakpoint
SELECT vorort_enable_tenant_rls('massenaenderungen');
--> statement-breakpoint
SELECT vorort_enable_tenant_rls('massenaenderung_faelle');
--> statement-breakpoint
-- Payments, bookings and Bescheide are never deleted by the application.
REVOKE DELETE ON bescheide, zahlungen, buchungen, massenaenderung_faelle FROM vorort_app;
--> statement-breakpoint
REVOKE UPDATE ON zahlungen, buchungen FROM vorort_app;
--> statement-breakpoint
-- A Bescheid never changes; only its rendered PDF may be added once (rendering runs in the background).
CREATE FUNCTION vorort_bescheid_unveraenderlich() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'bescheide are immutable' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.pdf IS NOT NULL
     OR (NEW.traeger_id, NEW.id, NEW.bg_id, NEW.bewilligung_id, NEW.massenaenderung_id, NEW.art, NEW.datum, NEW.modell, NEW.sha256, NEW.created_at, NEW.created_by)
        IS DISTINCT FROM
        (OLD.traeger_id, OLD.id, OLD.bg_id, OLD.bewilligung_id, OLD.massenaenderung_id, OLD.art, OLD.datum, OLD.modell, OLD.sha256, OLD.created_at, OLD.created_by)
  THEN
    RAISE EXCEPTION 'bescheide are immutable' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER bescheide_unveraenderlich BEFORE UPDATE OR DELETE ON bescheide
  FOR EACH ROW EXECUTE FUNCTION vorort_bescheid_unveraenderlich();
--> statement-breakpoint
-- One approved Bewilligung per BG and month.
ALTER TABLE bewilligungen ADD CONSTRAINT bewilligungen_keine_ueberschneidung
  EXCLUDE USING gist (traeger_id WITH =, bg_id WITH =, daterange(von, bis, '[]') WITH &&) WHERE (status = 'bewilligt');
--> statement-breakpoint
ALTER TABLE kdu_richtwerte ADD CONSTRAINT kdu_richtwerte_keine_ueberschneidung
  EXCLUDE USING gist (traeger_id WITH =, kommune_id WITH =, haushaltsgroesse WITH =, daterange(gueltig_von, gueltig_bis, '[]') WITH &&);
--> statement-breakpoint
CREATE INDEX bewilligungen_laufend_idx ON bewilligungen (traeger_id, bis, id) WHERE status = 'bewilligt';
--> statement-breakpoint
-- Look-ups by Bewilligung alone (bulk jobs: months of many Bewilligungen, copying months to a new version).
CREATE INDEX bewilligung_monate_bewilligung_idx ON bewilligung_monate (bewilligung_id);
--> statement-breakpoint
CREATE INDEX bewilligungen_id_idx ON bewilligungen (id);
