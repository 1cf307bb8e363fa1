-- The LZB days of a snapshot build (statistikSnapshotRepository.lzbVorTage) read the eLb periods of the 24 earlier
-- months of a Träger: this index holds exactly those columns, so the read is an index-only scan over the months'
-- entries instead of visiting every person row (docs/statistik.md, "Monats-Snapshots"; written by hand because
-- drizzle-kit cannot declare INCLUDE columns).
CREATE INDEX "statistik_personen_elb_idx" ON "statistik_personen" USING btree ("traeger_id", "monat") INCLUDE ("person_id", "elb_von", "elb_bis") WHERE "elb_von" IS NOT NULL;
