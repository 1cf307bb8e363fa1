CREATE TABLE "erstattung_vorgaenge" (
	"traeger_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"forderung_id" uuid NOT NULL,
	"art" text NOT NULL,
	"datum" date NOT NULL,
	"betrag_cent" bigint,
	"stundung_bis" date,
	"grund" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "erstattung_vorgaenge_traeger_id_id_pk" PRIMARY KEY("traeger_id","id"),
	CONSTRAINT "erstattung_vorgaenge_art_check" CHECK ("erstattung_vorgaenge"."art" in ('zahlung', 'stundung', 'erlass', 'niederschlagung')),
	CONSTRAINT "erstattung_vorgaenge_betrag_check" CHECK ("erstattung_vorgaenge"."betrag_cent" is null or "erstattung_vorgaenge"."betrag_cent" > 0)
);
--> statement-breakpoint
ALTER TABLE "bewilligungen" DROP CONSTRAINT "bewilligungen_vorgang_check";--> statement-breakpoint
ALTER TABLE "erstattungsforderungen" DROP CONSTRAINT "erstattungsforderungen_status_check";--> statement-breakpoint
ALTER TABLE "erstattungsforderungen" ADD COLUMN "offen_cent" bigint;--> statement-breakpoint
ALTER TABLE "erstattungsforderungen" ADD COLUMN "stundung_bis" date;--> statement-breakpoint
ALTER TABLE "erstattungsforderungen" ADD COLUMN "raten_cent" bigint;--> statement-breakpoint
ALTER TABLE "erstattungsforderungen" ADD COLUMN "erledigt_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "erstattungsforderungen" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "erstattung_vorgaenge" ADD CONSTRAINT "erstattung_vorgaenge_traeger_id_forderung_id_erstattungsforderungen_traeger_id_id_fk" FOREIGN KEY ("traeger_id","forderung_id") REFERENCES "public"."erstattungsforderungen"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "erstattung_vorgaenge_forderung_idx" ON "erstattung_vorgaenge" USING btree ("traeger_id","forderung_id","created_at");--> statement-breakpoint
CREATE INDEX "erstattungsforderungen_status_idx" ON "erstattungsforderungen" USING btree ("traeger_id","status");--> statement-breakpoint
ALTER TABLE "bewilligungen" ADD CONSTRAINT "bewilligungen_vorgang_check" CHECK ("bewilligungen"."vorgang" in ('erstbewilligung', 'weiterbewilligung', 'aenderung', 'abschliessende_feststellung', 'ablehnung', 'aufhebung'));--> statement-breakpoint
ALTER TABLE "erstattungsforderungen" ADD CONSTRAINT "erstattungsforderungen_offen_check" CHECK ("erstattungsforderungen"."offen_cent" is null or ("erstattungsforderungen"."offen_cent" >= 0 and "erstattungsforderungen"."offen_cent" <= "erstattungsforderungen"."betrag_cent"));--> statement-breakpoint
ALTER TABLE "erstattungsforderungen" ADD CONSTRAINT "erstattungsforderungen_raten_check" CHECK ("erstattungsforderungen"."raten_cent" is null or "erstattungsforderungen"."raten_cent" > 0);--> statement-breakpoint
ALTER TABLE "erstattungsforderungen" ADD CONSTRAINT "erstattungsforderungen_status_check" CHECK ("erstattungsforderungen"."status" in ('offen', 'erledigt', 'erlassen', 'niedergeschlagen'));