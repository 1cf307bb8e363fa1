DROP INDEX "statistik_personen_person_idx";--> statement-breakpoint
CREATE INDEX "bewilligung_monate_monat_idx" ON "bewilligung_monate" USING btree ("traeger_id","monat");