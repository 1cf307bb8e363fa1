CREATE TABLE "kdu_empfaenger" (
	"traeger_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"bg_id" uuid NOT NULL,
	"name" text NOT NULL,
	"iban_enc" text NOT NULL,
	"iban_maskiert" text NOT NULL,
	"bic" text,
	"von_monat" text NOT NULL,
	"bis_monat" text,
	"grund" text NOT NULL,
	"verfahren_id" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "kdu_empfaenger_traeger_id_id_pk" PRIMARY KEY("traeger_id","id"),
	CONSTRAINT "kdu_empfaenger_von_check" CHECK ("kdu_empfaenger"."von_monat" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "kdu_empfaenger_bis_check" CHECK ("kdu_empfaenger"."bis_monat" is null or "kdu_empfaenger"."bis_monat" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "kdu_empfaenger_periode_check" CHECK ("kdu_empfaenger"."bis_monat" is null or "kdu_empfaenger"."bis_monat" >= "kdu_empfaenger"."von_monat")
);
--> statement-breakpoint
CREATE TABLE "leistungsminderungen" (
	"traeger_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"verfahren_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"bg_id" uuid NOT NULL,
	"tatbestand" text NOT NULL,
	"art" text NOT NULL,
	"stufe" integer NOT NULL,
	"prozent" integer NOT NULL,
	"betrag_cent" bigint NOT NULL,
	"von_monat" text NOT NULL,
	"bis_monat" text NOT NULL,
	"festgestellt_am" date NOT NULL,
	"pflichtverletzung_am" date NOT NULL,
	"beendet_ab_monat" text,
	"beendet_grund" text,
	"aufgehoben_am" date,
	"aufhebung_grund" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "leistungsminderungen_traeger_id_id_pk" PRIMARY KEY("traeger_id","id"),
	CONSTRAINT "leistungsminderungen_tatbestand_check" CHECK (tatbestand in ('31_1_1', '31_1_2', '31_1_3', '31_2_1', '31_2_2', '31_2_3', '31_2_4', '32', '31a_7')),
	CONSTRAINT "leistungsminderungen_art_check" CHECK (art in ('minderung', 'wegfall_regelbedarf', 'nichterreichbarkeit')),
	CONSTRAINT "leistungsminderungen_prozent_check" CHECK ("leistungsminderungen"."prozent" between 1 and 100),
	CONSTRAINT "leistungsminderungen_stufe_check" CHECK ("leistungsminderungen"."stufe" between 1 and 3),
	CONSTRAINT "leistungsminderungen_betrag_check" CHECK ("leistungsminderungen"."betrag_cent" >= 0),
	CONSTRAINT "leistungsminderungen_von_check" CHECK ("leistungsminderungen"."von_monat" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "leistungsminderungen_bis_check" CHECK ("leistungsminderungen"."bis_monat" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "leistungsminderungen_beendet_check" CHECK ("leistungsminderungen"."beendet_ab_monat" is null or "leistungsminderungen"."beendet_ab_monat" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "leistungsminderungen_periode_check" CHECK ("leistungsminderungen"."bis_monat" >= "leistungsminderungen"."von_monat")
);
--> statement-breakpoint
CREATE TABLE "minderungsverfahren" (
	"traeger_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"bg_id" uuid NOT NULL,
	"aktenzeichen" text NOT NULL,
	"anlass_art" text NOT NULL,
	"anlass_id" uuid,
	"anlass_text" text NOT NULL,
	"tatbestand" text NOT NULL,
	"pflichtverletzung_am" date NOT NULL,
	"frist_ende" date NOT NULL,
	"belehrung_art" text NOT NULL,
	"belehrung_am" date,
	"belehrung_text" text,
	"belehrung_zugang_art" text,
	"belehrung_zugang_am" date,
	"status" text DEFAULT 'erfasst' NOT NULL,
	"anhoerung_art" text,
	"anhoerung_am" date,
	"anhoerung_frist" date,
	"anhoerung_sprache" text,
	"anhoerung_pdf" "bytea",
	"anhoerung_postfach_id" uuid,
	"anhoerung_termin_id" uuid,
	"antwort_text" text,
	"antwort_am" timestamp with time zone,
	"antwort_kanal" text,
	"antwort_datei_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"wichtiger_grund" boolean,
	"wichtiger_grund_wuerdigung" text,
	"haerte" boolean,
	"haerte_wuerdigung" text,
	"entscheidung" jsonb,
	"entschieden_am" date,
	"entschieden_von" uuid,
	"freigegeben_von" uuid,
	"freigegeben_am" timestamp with time zone,
	"bescheid_am" date,
	"bekanntgabe_am" date,
	"bescheid_pdf" "bytea",
	"bescheid_postfach_id" uuid,
	"einstellungsgrund" text,
	"wiedervorlage_id" uuid,
	"verlauf" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "minderungsverfahren_traeger_id_id_pk" PRIMARY KEY("traeger_id","id"),
	CONSTRAINT "minderungsverfahren_anlass_check" CHECK (anlass_art in ('meldeversaeumnis', 'kooperationsplan', 'zuweisung', 'massnahme_abbruch', 'arbeitsangebot', 'manuell')),
	CONSTRAINT "minderungsverfahren_tatbestand_check" CHECK (tatbestand in ('31_1_1', '31_1_2', '31_1_3', '31_2_1', '31_2_2', '31_2_3', '31_2_4', '32', '31a_7')),
	CONSTRAINT "minderungsverfahren_belehrung_check" CHECK (belehrung_art in ('schriftlich', 'kenntnis', 'nicht_erforderlich')),
	CONSTRAINT "minderungsverfahren_zugang_check" CHECK (belehrung_zugang_art is null or belehrung_zugang_art in ('postfach', 'post', 'persoenlich', 'zustellungsurkunde')),
	CONSTRAINT "minderungsverfahren_status_check" CHECK (status in ('erfasst', 'anhoerung', 'entscheidung', 'freigabe_erforderlich', 'festgestellt', 'eingestellt', 'aufgehoben')),
	CONSTRAINT "minderungsverfahren_anhoerung_check" CHECK (anhoerung_art is null or anhoerung_art in ('schriftlich', 'persoenlich')),
	CONSTRAINT "minderungsverfahren_kanal_check" CHECK (antwort_kanal is null or antwort_kanal in ('portal', 'post', 'persoenlich', 'telefon')),
	CONSTRAINT "minderungsverfahren_frist_check" CHECK ("minderungsverfahren"."frist_ende" > "minderungsverfahren"."pflichtverletzung_am"),
	CONSTRAINT "minderungsverfahren_belehrung_noetig_check" CHECK ("minderungsverfahren"."belehrung_art" = 'nicht_erforderlich' or "minderungsverfahren"."belehrung_am" is not null)
);
--> statement-breakpoint
ALTER TABLE "wiedervorlagen" DROP CONSTRAINT "wiedervorlagen_art_check";--> statement-breakpoint
ALTER TABLE "bewilligungen" DROP CONSTRAINT "bewilligungen_vorgang_check";--> statement-breakpoint
ALTER TABLE "zahlungen" DROP CONSTRAINT "zahlungen_art_check";--> statement-breakpoint
ALTER TABLE "einladungen" ADD COLUMN "zugang_art" text;--> statement-breakpoint
ALTER TABLE "einladungen" ADD COLUMN "zugang_am" date;--> statement-breakpoint
ALTER TABLE "einladungen" ADD COLUMN "zugang_nachweis" text;--> statement-breakpoint
ALTER TABLE "traeger_einstellungen" ADD COLUMN "minderung_entscheider" text DEFAULT 'integration' NOT NULL;--> statement-breakpoint
ALTER TABLE "traeger_einstellungen" ADD COLUMN "minderung_vier_augen" text DEFAULT 'wegfall' NOT NULL;--> statement-breakpoint
ALTER TABLE "kdu_empfaenger" ADD CONSTRAINT "kdu_empfaenger_traeger_id_bg_id_bedarfsgemeinschaften_traeger_id_id_fk" FOREIGN KEY ("traeger_id","bg_id") REFERENCES "public"."bedarfsgemeinschaften"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kdu_empfaenger" ADD CONSTRAINT "kdu_empfaenger_traeger_id_created_by_users_traeger_id_id_fk" FOREIGN KEY ("traeger_id","created_by") REFERENCES "public"."users"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kdu_empfaenger" ADD CONSTRAINT "kdu_empfaenger_traeger_id_verfahren_id_minderungsverfahren_traeger_id_id_fk" FOREIGN KEY ("traeger_id","verfahren_id") REFERENCES "public"."minderungsverfahren"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leistungsminderungen" ADD CONSTRAINT "leistungsminderungen_traeger_id_verfahren_id_minderungsverfahren_traeger_id_id_fk" FOREIGN KEY ("traeger_id","verfahren_id") REFERENCES "public"."minderungsverfahren"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leistungsminderungen" ADD CONSTRAINT "leistungsminderungen_traeger_id_person_id_personen_traeger_id_id_fk" FOREIGN KEY ("traeger_id","person_id") REFERENCES "public"."personen"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leistungsminderungen" ADD CONSTRAINT "leistungsminderungen_traeger_id_bg_id_bedarfsgemeinschaften_traeger_id_id_fk" FOREIGN KEY ("traeger_id","bg_id") REFERENCES "public"."bedarfsgemeinschaften"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minderungsverfahren" ADD CONSTRAINT "minderungsverfahren_traeger_id_person_id_personen_traeger_id_id_fk" FOREIGN KEY ("traeger_id","person_id") REFERENCES "public"."personen"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minderungsverfahren" ADD CONSTRAINT "minderungsverfahren_traeger_id_bg_id_bedarfsgemeinschaften_traeger_id_id_fk" FOREIGN KEY ("traeger_id","bg_id") REFERENCES "public"."bedarfsgemeinschaften"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minderungsverfahren" ADD CONSTRAINT "minderungsverfahren_traeger_id_created_by_users_traeger_id_id_fk" FOREIGN KEY ("traeger_id","created_by") REFERENCES "public"."users"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minderungsverfahren" ADD CONSTRAINT "minderungsverfahren_traeger_id_entschieden_von_users_traeger_id_id_fk" FOREIGN KEY ("traeger_id","entschieden_von") REFERENCES "public"."users"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minderungsverfahren" ADD CONSTRAINT "minderungsverfahren_traeger_id_freigegeben_von_users_traeger_id_id_fk" FOREIGN KEY ("traeger_id","freigegeben_von") REFERENCES "public"."users"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minderungsverfahren" ADD CONSTRAINT "minderungsverfahren_traeger_id_wiedervorlage_id_wiedervorlagen_traeger_id_id_fk" FOREIGN KEY ("traeger_id","wiedervorlage_id") REFERENCES "public"."wiedervorlagen"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minderungsverfahren" ADD CONSTRAINT "minderungsverfahren_traeger_id_anhoerung_postfach_id_postfach_nachrichten_traeger_id_id_fk" FOREIGN KEY ("traeger_id","anhoerung_postfach_id") REFERENCES "public"."postfach_nachrichten"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minderungsverfahren" ADD CONSTRAINT "minderungsverfahren_traeger_id_bescheid_postfach_id_postfach_nachrichten_traeger_id_id_fk" FOREIGN KEY ("traeger_id","bescheid_postfach_id") REFERENCES "public"."postfach_nachrichten"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "kdu_empfaenger_bg_idx" ON "kdu_empfaenger" USING btree ("traeger_id","bg_id");--> statement-breakpoint
CREATE INDEX "leistungsminderungen_person_idx" ON "leistungsminderungen" USING btree ("traeger_id","person_id","von_monat");--> statement-breakpoint
CREATE INDEX "leistungsminderungen_bg_idx" ON "leistungsminderungen" USING btree ("traeger_id","bg_id");--> statement-breakpoint
CREATE INDEX "minderungsverfahren_person_idx" ON "minderungsverfahren" USING btree ("traeger_id","person_id");--> statement-breakpoint
CREATE INDEX "minderungsverfahren_status_idx" ON "minderungsverfahren" USING btree ("traeger_id","status","frist_ende");--> statement-breakpoint
ALTER TABLE "wiedervorlagen" ADD CONSTRAINT "wiedervorlagen_art_check" CHECK ("wiedervorlagen"."art" in ('allgemein', 'kooperationsplan_ueberpruefung', 'integration_nachhaltigkeit', 'integration_kontakt', 'minderung_frist'));--> statement-breakpoint
ALTER TABLE "einladungen" ADD CONSTRAINT "einladungen_zugang_check" CHECK ("einladungen"."zugang_art" is null or "einladungen"."zugang_art" in ('postfach', 'post', 'persoenlich', 'zustellungsurkunde'));--> statement-breakpoint
ALTER TABLE "bewilligungen" ADD CONSTRAINT "bewilligungen_vorgang_check" CHECK ("bewilligungen"."vorgang" in ('erstbewilligung', 'weiterbewilligung', 'aenderung', 'abschliessende_feststellung', 'ablehnung', 'aufhebung', 'minderung'));--> statement-breakpoint
ALTER TABLE "traeger_einstellungen" ADD CONSTRAINT "traeger_einstellungen_minderung_entscheider_check" CHECK ("traeger_einstellungen"."minderung_entscheider" in ('integration', 'leistung'));--> statement-breakpoint
ALTER TABLE "traeger_einstellungen" ADD CONSTRAINT "traeger_einstellungen_minderung_vier_augen_check" CHECK ("traeger_einstellungen"."minderung_vier_augen" in ('nie', 'wegfall', 'immer'));--> statement-breakpoint
ALTER TABLE "zahlungen" ADD CONSTRAINT "zahlungen_art_check" CHECK ("zahlungen"."art" in ('laufend', 'nachzahlung', 'eingliederung', 'kdu_empfaenger'));