CREATE TABLE "bg_unterhaltspflichtige" (
	"traeger_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"bg_id" uuid NOT NULL,
	"gueltig_von" date NOT NULL,
	"gueltig_bis" date,
	"name" text NOT NULL,
	"verhaeltnis" text NOT NULL,
	"fuer_person_id" uuid,
	"zahlt" boolean,
	"betrag_cent" bigint,
	"titel" boolean,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bg_unterhaltspflichtige_traeger_id_id_pk" PRIMARY KEY("traeger_id","id"),
	CONSTRAINT "bg_unterhaltspflichtige_periode_check" CHECK ("bg_unterhaltspflichtige"."gueltig_bis" is null or "bg_unterhaltspflichtige"."gueltig_bis" >= "bg_unterhaltspflichtige"."gueltig_von"),
	CONSTRAINT "bg_unterhaltspflichtige_verhaeltnis_check" CHECK (verhaeltnis in ('elternteil', 'anderer_elternteil', 'ehegatte', 'frueherer_ehegatte', 'sonstige')),
	CONSTRAINT "bg_unterhaltspflichtige_betrag_check" CHECK ("bg_unterhaltspflichtige"."betrag_cent" is null or "bg_unterhaltspflichtige"."betrag_cent" >= 0)
);
--> statement-breakpoint
ALTER TABLE "antraege" ADD COLUMN "bewilligung_id" uuid;--> statement-breakpoint
ALTER TABLE "bg_unterkunft" ADD COLUMN "wohnflaeche_qm" integer;--> statement-breakpoint
ALTER TABLE "bg_unterkunft" ADD COLUMN "heizungsart" text;--> statement-breakpoint
ALTER TABLE "person_stammdaten" ADD COLUMN "familienstand" text;--> statement-breakpoint
ALTER TABLE "person_stammdaten" ADD COLUMN "telefon" text;--> statement-breakpoint
ALTER TABLE "person_stammdaten" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "bg_unterhaltspflichtige" ADD CONSTRAINT "bg_unterhaltspflichtige_traeger_id_bg_id_bedarfsgemeinschaften_traeger_id_id_fk" FOREIGN KEY ("traeger_id","bg_id") REFERENCES "public"."bedarfsgemeinschaften"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bg_unterhaltspflichtige" ADD CONSTRAINT "bg_unterhaltspflichtige_traeger_id_fuer_person_id_personen_traeger_id_id_fk" FOREIGN KEY ("traeger_id","fuer_person_id") REFERENCES "public"."personen"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bg_unterhaltspflichtige_bg_idx" ON "bg_unterhaltspflichtige" USING btree ("traeger_id","bg_id");--> statement-breakpoint
ALTER TABLE "bg_unterkunft" ADD CONSTRAINT "bg_unterkunft_wohnflaeche_check" CHECK ("bg_unterkunft"."wohnflaeche_qm" is null or ("bg_unterkunft"."wohnflaeche_qm" > 0 and "bg_unterkunft"."wohnflaeche_qm" <= 10000));--> statement-breakpoint
ALTER TABLE "bg_unterkunft" ADD CONSTRAINT "bg_unterkunft_heizungsart_check" CHECK (heizungsart is null or heizungsart in ('zentral', 'etage', 'ofen', 'fernwaerme', 'sonstige'));--> statement-breakpoint
ALTER TABLE "person_stammdaten" ADD CONSTRAINT "person_stammdaten_familienstand_check" CHECK (familienstand is null or familienstand in ('ledig', 'verheiratet', 'eingetragene_lebenspartnerschaft', 'getrennt_lebend', 'geschieden', 'verwitwet'));--> statement-breakpoint
-- Row-level security for the new tenant table (same pattern as 0003).
SELECT vorort_enable_tenant_rls('bg_unterhaltspflichtige');
