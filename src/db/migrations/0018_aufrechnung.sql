CREATE TABLE "aufrechnungen" (
	"traeger_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"forderung_id" uuid NOT NULL,
	"bg_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"tatbestand" text NOT NULL,
	"prozent" integer NOT NULL,
	"norm" text NOT NULL,
	"ab_monat" text NOT NULL,
	"bis_monat" text NOT NULL,
	"status" text DEFAULT 'laufend' NOT NULL,
	"grund" text NOT NULL,
	"bescheid_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "aufrechnungen_traeger_id_id_pk" PRIMARY KEY("traeger_id","id"),
	CONSTRAINT "aufrechnungen_prozent_check" CHECK ("aufrechnungen"."prozent" in (10, 30)),
	CONSTRAINT "aufrechnungen_tatbestand_check" CHECK ("aufrechnungen"."tatbestand" in ('vorlaeufig', 'einkommen', 'sonstige')),
	CONSTRAINT "aufrechnungen_status_check" CHECK ("aufrechnungen"."status" in ('laufend', 'beendet')),
	CONSTRAINT "aufrechnungen_ab_check" CHECK ("aufrechnungen"."ab_monat" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "aufrechnungen_bis_check" CHECK ("aufrechnungen"."bis_monat" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "aufrechnungen_periode_check" CHECK ("aufrechnungen"."bis_monat" >= "aufrechnungen"."ab_monat")
);
--> statement-breakpoint
ALTER TABLE "bescheide" DROP CONSTRAINT "bescheide_art_check";--> statement-breakpoint
ALTER TABLE "erstattung_vorgaenge" DROP CONSTRAINT "erstattung_vorgaenge_art_check";--> statement-breakpoint
ALTER TABLE "erstattung_vorgaenge" ADD COLUMN "schluessel" text;--> statement-breakpoint
ALTER TABLE "erstattung_vorgaenge" ADD COLUMN "zahlung_id" uuid;--> statement-breakpoint
ALTER TABLE "erstattung_vorgaenge" ADD COLUMN "aufrechnung_id" uuid;--> statement-breakpoint
ALTER TABLE "zahlungen" ADD COLUMN "aufrechnung_cent" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "aufrechnungen" ADD CONSTRAINT "aufrechnungen_traeger_id_bg_id_bedarfsgemeinschaften_traeger_id_id_fk" FOREIGN KEY ("traeger_id","bg_id") REFERENCES "public"."bedarfsgemeinschaften"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aufrechnungen" ADD CONSTRAINT "aufrechnungen_traeger_id_forderung_id_erstattungsforderungen_traeger_id_id_fk" FOREIGN KEY ("traeger_id","forderung_id") REFERENCES "public"."erstattungsforderungen"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "aufrechnungen_bg_idx" ON "aufrechnungen" USING btree ("traeger_id","bg_id","status");--> statement-breakpoint
CREATE INDEX "aufrechnungen_forderung_idx" ON "aufrechnungen" USING btree ("traeger_id","forderung_id");--> statement-breakpoint
ALTER TABLE "erstattung_vorgaenge" ADD CONSTRAINT "erstattung_vorgaenge_schluessel_unique" UNIQUE("traeger_id","schluessel");--> statement-breakpoint
ALTER TABLE "bescheide" ADD CONSTRAINT "bescheide_art_check" CHECK ("bescheide"."art" in ('bewilligung', 'aenderung', 'ablehnung', 'aufhebung', 'aufrechnung'));--> statement-breakpoint
ALTER TABLE "erstattung_vorgaenge" ADD CONSTRAINT "erstattung_vorgaenge_art_check" CHECK ("erstattung_vorgaenge"."art" in ('zahlung', 'stundung', 'erlass', 'niederschlagung', 'aufrechnung'));--> statement-breakpoint
ALTER TABLE "zahlungen" ADD CONSTRAINT "zahlungen_aufrechnung_check" CHECK ("zahlungen"."aufrechnung_cent" >= 0);