CREATE TABLE "arbeitsmarktstatus" (
	"traeger_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"gueltig_von" date NOT NULL,
	"gueltig_bis" date,
	"status" text NOT NULL,
	"grund" text,
	"quelle" text DEFAULT 'erfasst' NOT NULL,
	"quelle_id" uuid,
	"bemerkung" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "arbeitsmarktstatus_traeger_id_id_pk" PRIMARY KEY("traeger_id","id"),
	CONSTRAINT "arbeitsmarktstatus_periode_check" CHECK ("arbeitsmarktstatus"."gueltig_bis" is null or "arbeitsmarktstatus"."gueltig_bis" >= "arbeitsmarktstatus"."gueltig_von"),
	CONSTRAINT "arbeitsmarktstatus_status_check" CHECK (status in ('arbeitslos', 'arbeitsuchend', 'nicht_arbeitsuchend')),
	CONSTRAINT "arbeitsmarktstatus_grund_check" CHECK (grund is null or grund in ('massnahme', 'erwerbstaetigkeit', 'arbeitsunfaehigkeit', 'sonstiges', 'kind_unter_3', 'pflege', 'schule_ausbildung', 'arbeitsunfaehig_langfristig')),
	CONSTRAINT "arbeitsmarktstatus_quelle_check" CHECK (quelle in ('erfasst', 'massnahme_eintritt', 'massnahme_austritt', 'integration')),
	CONSTRAINT "arbeitsmarktstatus_grund_pflicht_check" CHECK (("arbeitsmarktstatus"."status" = 'arbeitslos') = ("arbeitsmarktstatus"."grund" is null))
);
--> statement-breakpoint
CREATE TABLE "betreuungen" (
	"traeger_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"bg_id" uuid NOT NULL,
	"fachkraft_id" uuid NOT NULL,
	"gueltig_von" date NOT NULL,
	"gueltig_bis" date,
	"grund" text,
	"zugewiesen_von" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "betreuungen_traeger_id_id_pk" PRIMARY KEY("traeger_id","id"),
	CONSTRAINT "betreuungen_periode_check" CHECK ("betreuungen"."gueltig_bis" is null or "betreuungen"."gueltig_bis" >= "betreuungen"."gueltig_von")
);
--> statement-breakpoint
CREATE TABLE "eigenbemuehung_nachweise" (
	"traeger_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kooperationsplan_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"monat" text NOT NULL,
	"anzahl" integer NOT NULL,
	"beschreibung" text,
	"portal_datei_id" uuid,
	"fall_dokument_id" uuid,
	"eingereicht_von" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "eigenbemuehung_nachweise_traeger_id_id_pk" PRIMARY KEY("traeger_id","id"),
	CONSTRAINT "eigenbemuehung_nachweise_monat_check" CHECK ("eigenbemuehung_nachweise"."monat" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "eigenbemuehung_nachweise_anzahl_check" CHECK ("eigenbemuehung_nachweise"."anzahl" >= 0)
);
--> statement-breakpoint
CREATE TABLE "eingliederungsbudgets" (
	"traeger_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"haushaltsjahr" integer NOT NULL,
	"titel" text NOT NULL,
	"soll_cent" bigint NOT NULL,
	"bemerkung" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "eingliederungsbudgets_traeger_id_id_pk" PRIMARY KEY("traeger_id","id"),
	CONSTRAINT "eingliederungsbudgets_jahr_titel_unique" UNIQUE("traeger_id","haushaltsjahr","titel"),
	CONSTRAINT "eingliederungsbudgets_titel_check" CHECK (titel in ('egt_bund', 'kommunal_16a')),
	CONSTRAINT "eingliederungsbudgets_soll_check" CHECK ("eingliederungsbudgets"."soll_cent" >= 0),
	CONSTRAINT "eingliederungsbudgets_jahr_check" CHECK ("eingliederungsbudgets"."haushaltsjahr" between 2000 and 2100)
);
--> statement-breakpoint
CREATE TABLE "foerderleistungen" (
	"traeger_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"bg_id" uuid NOT NULL,
	"art" text NOT NULL,
	"teilnahme_id" uuid,
	"integration_id" uuid,
	"gueltig_von" date NOT NULL,
	"gueltig_bis" date,
	"betrag_cent" bigint NOT NULL,
	"einmalig" boolean DEFAULT false NOT NULL,
	"bewilligt_von" uuid NOT NULL,
	"beendet_am" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "foerderleistungen_traeger_id_id_pk" PRIMARY KEY("traeger_id","id"),
	CONSTRAINT "foerderleistungen_periode_check" CHECK ("foerderleistungen"."gueltig_bis" is null or "foerderleistungen"."gueltig_bis" >= "foerderleistungen"."gueltig_von"),
	CONSTRAINT "foerderleistungen_art_check" CHECK (art in ('einstiegsgeld_16b', 'mehraufwand_16d', 'vermittlungsbudget_44')),
	CONSTRAINT "foerderleistungen_betrag_check" CHECK ("foerderleistungen"."betrag_cent" > 0)
);
--> statement-breakpoint
CREATE TABLE "gespraechsvermerke" (
	"traeger_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"bg_id" uuid NOT NULL,
	"datum" date NOT NULL,
	"art" text NOT NULL,
	"text" text NOT NULL,
	"termin_id" uuid,
	"naechster_kontakt" date,
	"created_by" uuid NOT NULL,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "gespraechsvermerke_traeger_id_id_pk" PRIMARY KEY("traeger_id","id"),
	CONSTRAINT "gespraechsvermerke_art_check" CHECK (art in ('erstgespraech', 'folgegespraech', 'telefonisch', 'video'))
);
--> statement-breakpoint
CREATE TABLE "handlungsbedarf_katalog" (
	"traeger_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"schluesselgroesse" text NOT NULL,
	"bezeichnung" text NOT NULL,
	"gesundheitsbezogen" boolean DEFAULT false NOT NULL,
	"aktiv" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "handlungsbedarf_katalog_traeger_id_id_pk" PRIMARY KEY("traeger_id","id"),
	CONSTRAINT "handlungsbedarf_katalog_code_unique" UNIQUE("traeger_id","code"),
	CONSTRAINT "handlungsbedarf_katalog_sg_check" CHECK (schluesselgroesse in ('qualifikation', 'leistungsfaehigkeit', 'motivation', 'rahmenbedingungen'))
);
--> statement-breakpoint
CREATE TABLE "integrationen" (
	"traeger_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"bg_id" uuid NOT NULL,
	"art" text NOT NULL,
	"beginn" date NOT NULL,
	"ende" date,
	"arbeitgeber" text NOT NULL,
	"wochenstunden" numeric(4, 1) NOT NULL,
	"erwartetes_brutto_cent" bigint,
	"erwartetes_netto_cent" bigint,
	"teilnahme_id" uuid,
	"antrag_id" uuid,
	"wiedervorlage_id" uuid,
	"nachhaltigkeit_am" date,
	"nachhaltigkeit_ergebnis" text,
	"bemerkung" text,
	"created_by" uuid NOT NULL,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "integrationen_traeger_id_id_pk" PRIMARY KEY("traeger_id","id"),
	CONSTRAINT "integrationen_art_check" CHECK (art in ('svb_vollzeit', 'svb_teilzeit', 'ausbildung', 'selbststaendigkeit', 'minijob', 'gefoerdert_16d', 'gefoerdert_16e', 'gefoerdert_16i')),
	CONSTRAINT "integrationen_nachhaltigkeit_check" CHECK (nachhaltigkeit_ergebnis is null or nachhaltigkeit_ergebnis in ('noch_beschaeftigt', 'nicht_mehr_beschaeftigt', 'unbekannt')),
	CONSTRAINT "integrationen_ende_check" CHECK ("integrationen"."ende" is null or "integrationen"."ende" >= "integrationen"."beginn"),
	CONSTRAINT "integrationen_stunden_check" CHECK ("integrationen"."wochenstunden" > 0 and "integrationen"."wochenstunden" <= 60),
	CONSTRAINT "integrationen_lohn_check" CHECK (coalesce("integrationen"."erwartetes_brutto_cent", 0) >= 0 and coalesce("integrationen"."erwartetes_netto_cent", 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "kooperationsplaene" (
	"traeger_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"bg_id" uuid NOT NULL,
	"fassung" integer NOT NULL,
	"vorgaenger_id" uuid,
	"art" text DEFAULT 'plan' NOT NULL,
	"status" text DEFAULT 'entwurf' NOT NULL,
	"rechtsstand" text NOT NULL,
	"erstellt_am" date NOT NULL,
	"abgestimmt_am" date,
	"eingliederungsziel" text NOT NULL,
	"inhalt" jsonb NOT NULL,
	"naechste_ueberpruefung" date NOT NULL,
	"sprache" text DEFAULT 'de' NOT NULL,
	"dokument_pdf" "bytea",
	"postfach_nachricht_id" uuid,
	"wiedervorlage_id" uuid,
	"reaktion" text,
	"reaktion_am" timestamp with time zone,
	"kommentare" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "kooperationsplaene_traeger_id_id_pk" PRIMARY KEY("traeger_id","id"),
	CONSTRAINT "kooperationsplaene_fassung_unique" UNIQUE("traeger_id","person_id","fassung"),
	CONSTRAINT "kooperationsplaene_art_check" CHECK (art in ('plan', 'verwaltungsakt')),
	CONSTRAINT "kooperationsplaene_status_check" CHECK (status in ('entwurf', 'abgestimmt', 'nicht_zustande_gekommen', 'fortgeschrieben')),
	CONSTRAINT "kooperationsplaene_reaktion_check" CHECK (reaktion is null or reaktion in ('bestaetigt', 'kommentar', 'schlichtung')),
	CONSTRAINT "kooperationsplaene_ueberpruefung_check" CHECK ("kooperationsplaene"."naechste_ueberpruefung" >= "kooperationsplaene"."erstellt_am")
);
--> statement-breakpoint
CREATE TABLE "massnahme_kontingente" (
	"traeger_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"massnahme_id" uuid NOT NULL,
	"standort_id" uuid NOT NULL,
	"gueltig_von" date NOT NULL,
	"gueltig_bis" date,
	"plaetze" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "massnahme_kontingente_traeger_id_id_pk" PRIMARY KEY("traeger_id","id"),
	CONSTRAINT "massnahme_kontingente_periode_check" CHECK ("massnahme_kontingente"."gueltig_bis" is null or "massnahme_kontingente"."gueltig_bis" >= "massnahme_kontingente"."gueltig_von"),
	CONSTRAINT "massnahme_kontingente_plaetze_check" CHECK ("massnahme_kontingente"."plaetze" >= 0)
);
--> statement-breakpoint
CREATE TABLE "massnahme_teilnahmen" (
	"traeger_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"massnahme_id" uuid NOT NULL,
	"kontingent_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"bg_id" uuid NOT NULL,
	"status" text DEFAULT 'vorschlag' NOT NULL,
	"platz_nr" integer,
	"geplant_von" date NOT NULL,
	"geplant_bis" date NOT NULL,
	"vorgeschlagen_am" date NOT NULL,
	"zugewiesen_am" date,
	"mit_rechtsfolgenbelehrung" boolean DEFAULT false NOT NULL,
	"zuweisung_pdf" "bytea",
	"eintritt_am" date,
	"austritt_am" date,
	"austrittsgrund" text,
	"teilnahmebescheinigung_am" date,
	"erwartete_kosten_cent" bigint DEFAULT 0 NOT NULL,
	"genehmigt_von" uuid,
	"genehmigt_am" timestamp with time zone,
	"begruendung" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "massnahme_teilnahmen_traeger_id_id_pk" PRIMARY KEY("traeger_id","id"),
	CONSTRAINT "massnahme_teilnahmen_status_check" CHECK (status in ('vorschlag', 'warteliste', 'wartet_auf_genehmigung', 'zugewiesen', 'eingetreten', 'ausgetreten', 'abgelehnt', 'storniert')),
	CONSTRAINT "massnahme_teilnahmen_grund_check" CHECK (austrittsgrund is null or austrittsgrund in ('regulaer', 'arbeitsaufnahme', 'abbruch', 'ausschluss', 'krankheit')),
	CONSTRAINT "massnahme_teilnahmen_geplant_check" CHECK ("massnahme_teilnahmen"."geplant_bis" >= "massnahme_teilnahmen"."geplant_von"),
	CONSTRAINT "massnahme_teilnahmen_austritt_check" CHECK ("massnahme_teilnahmen"."austritt_am" is null or ("massnahme_teilnahmen"."eintritt_am" is not null and "massnahme_teilnahmen"."austritt_am" >= "massnahme_teilnahmen"."eintritt_am")),
	CONSTRAINT "massnahme_teilnahmen_platz_check" CHECK (("massnahme_teilnahmen"."status" in ('zugewiesen', 'eingetreten')) = ("massnahme_teilnahmen"."platz_nr" is not null) and ("massnahme_teilnahmen"."platz_nr" is null or "massnahme_teilnahmen"."platz_nr" >= 1)),
	CONSTRAINT "massnahme_teilnahmen_ausgetreten_check" CHECK (("massnahme_teilnahmen"."status" = 'ausgetreten') = ("massnahme_teilnahmen"."austritt_am" is not null and "massnahme_teilnahmen"."austrittsgrund" is not null)),
	CONSTRAINT "massnahme_teilnahmen_kosten_check" CHECK ("massnahme_teilnahmen"."erwartete_kosten_cent" >= 0)
);
--> statement-breakpoint
CREATE TABLE "massnahmen" (
	"traeger_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"bezeichnung" text NOT NULL,
	"instrument" text NOT NULL,
	"anbieter" text NOT NULL,
	"beschreibung" text,
	"regeldauer_tage" integer,
	"kosten_je_platz_cent" bigint DEFAULT 0 NOT NULL,
	"kostenart" text DEFAULT 'pauschal' NOT NULL,
	"titel" text NOT NULL,
	"aktiv" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "massnahmen_traeger_id_id_pk" PRIMARY KEY("traeger_id","id"),
	CONSTRAINT "massnahmen_bezeichnung_unique" UNIQUE("traeger_id","bezeichnung"),
	CONSTRAINT "massnahmen_kostenart_check" CHECK (kostenart in ('pauschal', 'monatlich')),
	CONSTRAINT "massnahmen_titel_check" CHECK (titel in ('egt_bund', 'kommunal_16a')),
	CONSTRAINT "massnahmen_kosten_check" CHECK ("massnahmen"."kosten_je_platz_cent" >= 0),
	CONSTRAINT "massnahmen_dauer_check" CHECK ("massnahmen"."regeldauer_tage" is null or "massnahmen"."regeldauer_tage" > 0)
);
--> statement-breakpoint
CREATE TABLE "mittel_auszahlungen" (
	"traeger_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"mittelbindung_id" uuid NOT NULL,
	"datum" date NOT NULL,
	"betrag_cent" bigint NOT NULL,
	"beleg" text,
	"zahlung_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mittel_auszahlungen_traeger_id_id_pk" PRIMARY KEY("traeger_id","id"),
	CONSTRAINT "mittel_auszahlungen_betrag_check" CHECK ("mittel_auszahlungen"."betrag_cent" > 0)
);
--> statement-breakpoint
CREATE TABLE "mittelbindungen" (
	"traeger_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"haushaltsjahr" integer NOT NULL,
	"titel" text NOT NULL,
	"instrument" text NOT NULL,
	"standort_id" uuid NOT NULL,
	"teilnahme_id" uuid,
	"foerderleistung_id" uuid,
	"betrag_cent" bigint NOT NULL,
	"aufgeloest_cent" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "mittelbindungen_traeger_id_id_pk" PRIMARY KEY("traeger_id","id"),
	CONSTRAINT "mittelbindungen_titel_check" CHECK (titel in ('egt_bund', 'kommunal_16a')),
	CONSTRAINT "mittelbindungen_betrag_check" CHECK ("mittelbindungen"."betrag_cent" >= 0 and "mittelbindungen"."aufgeloest_cent" >= 0 and "mittelbindungen"."aufgeloest_cent" <= "mittelbindungen"."betrag_cent"),
	CONSTRAINT "mittelbindungen_bezug_check" CHECK (("mittelbindungen"."teilnahme_id" is null) <> ("mittelbindungen"."foerderleistung_id" is null))
);
--> statement-breakpoint
CREATE TABLE "potenzialanalyse_gesundheit" (
	"traeger_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"potenzialanalyse_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"daten" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "potenzialanalyse_gesundheit_traeger_id_id_pk" PRIMARY KEY("traeger_id","id"),
	CONSTRAINT "potenzialanalyse_gesundheit_pa_unique" UNIQUE("traeger_id","potenzialanalyse_id")
);
--> statement-breakpoint
CREATE TABLE "potenzialanalysen" (
	"traeger_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"bg_id" uuid NOT NULL,
	"fassung" integer NOT NULL,
	"erstellt_am" date NOT NULL,
	"daten" jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "potenzialanalysen_traeger_id_id_pk" PRIMARY KEY("traeger_id","id"),
	CONSTRAINT "potenzialanalysen_fassung_unique" UNIQUE("traeger_id","person_id","fassung"),
	CONSTRAINT "potenzialanalysen_fassung_check" CHECK ("potenzialanalysen"."fassung" >= 1)
);
--> statement-breakpoint
CREATE TABLE "schlichtungen" (
	"traeger_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kooperationsplan_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"beantragt_von" text NOT NULL,
	"beginn" date NOT NULL,
	"ende" date NOT NULL,
	"ergebnis" text DEFAULT 'laufend' NOT NULL,
	"schlichtende" text,
	"bemerkung" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "schlichtungen_traeger_id_id_pk" PRIMARY KEY("traeger_id","id"),
	CONSTRAINT "schlichtungen_von_check" CHECK ("schlichtungen"."beantragt_von" in ('person', 'jobcenter')),
	CONSTRAINT "schlichtungen_ergebnis_check" CHECK (ergebnis in ('laufend', 'einigung', 'ohne_einigung')),
	CONSTRAINT "schlichtungen_ende_check" CHECK ("schlichtungen"."ende" >= "schlichtungen"."beginn")
);
--> statement-breakpoint
ALTER TABLE "antraege" DROP CONSTRAINT "antraege_kanal_check";--> statement-breakpoint
ALTER TABLE "buchungen" DROP CONSTRAINT "buchungen_kostenart_check";--> statement-breakpoint
ALTER TABLE "zahlungen" DROP CONSTRAINT "zahlungen_art_check";--> statement-breakpoint
ALTER TABLE "wiedervorlagen" ADD COLUMN "art" text DEFAULT 'allgemein' NOT NULL;--> statement-breakpoint
ALTER TABLE "wiedervorlagen" ADD COLUMN "person_id" uuid;--> statement-breakpoint
ALTER TABLE "wiedervorlagen" ADD COLUMN "bezug_id" uuid;--> statement-breakpoint
ALTER TABLE "arbeitsmarktstatus" ADD CONSTRAINT "arbeitsmarktstatus_traeger_id_person_id_personen_traeger_id_id_fk" FOREIGN KEY ("traeger_id","person_id") REFERENCES "public"."personen"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "arbeitsmarktstatus" ADD CONSTRAINT "arbeitsmarktstatus_traeger_id_created_by_users_traeger_id_id_fk" FOREIGN KEY ("traeger_id","created_by") REFERENCES "public"."users"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "betreuungen" ADD CONSTRAINT "betreuungen_traeger_id_person_id_personen_traeger_id_id_fk" FOREIGN KEY ("traeger_id","person_id") REFERENCES "public"."personen"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "betreuungen" ADD CONSTRAINT "betreuungen_traeger_id_bg_id_bedarfsgemeinschaften_traeger_id_id_fk" FOREIGN KEY ("traeger_id","bg_id") REFERENCES "public"."bedarfsgemeinschaften"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "betreuungen" ADD CONSTRAINT "betreuungen_traeger_id_fachkraft_id_users_traeger_id_id_fk" FOREIGN KEY ("traeger_id","fachkraft_id") REFERENCES "public"."users"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "betreuungen" ADD CONSTRAINT "betreuungen_traeger_id_zugewiesen_von_users_traeger_id_id_fk" FOREIGN KEY ("traeger_id","zugewiesen_von") REFERENCES "public"."users"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eigenbemuehung_nachweise" ADD CONSTRAINT "eigenbemuehung_nachweise_traeger_id_kooperationsplan_id_kooperationsplaene_traeger_id_id_fk" FOREIGN KEY ("traeger_id","kooperationsplan_id") REFERENCES "public"."kooperationsplaene"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eigenbemuehung_nachweise" ADD CONSTRAINT "eigenbemuehung_nachweise_traeger_id_person_id_personen_traeger_id_id_fk" FOREIGN KEY ("traeger_id","person_id") REFERENCES "public"."personen"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eingliederungsbudgets" ADD CONSTRAINT "eingliederungsbudgets_traeger_id_traeger_id_fk" FOREIGN KEY ("traeger_id") REFERENCES "public"."traeger"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "foerderleistungen" ADD CONSTRAINT "foerderleistungen_traeger_id_person_id_personen_traeger_id_id_fk" FOREIGN KEY ("traeger_id","person_id") REFERENCES "public"."personen"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "foerderleistungen" ADD CONSTRAINT "foerderleistungen_traeger_id_bg_id_bedarfsgemeinschaften_traeger_id_id_fk" FOREIGN KEY ("traeger_id","bg_id") REFERENCES "public"."bedarfsgemeinschaften"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "foerderleistungen" ADD CONSTRAINT "foerderleistungen_traeger_id_bewilligt_von_users_traeger_id_id_fk" FOREIGN KEY ("traeger_id","bewilligt_von") REFERENCES "public"."users"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "foerderleistungen" ADD CONSTRAINT "foerderleistungen_traeger_id_teilnahme_id_massnahme_teilnahmen_traeger_id_id_fk" FOREIGN KEY ("traeger_id","teilnahme_id") REFERENCES "public"."massnahme_teilnahmen"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gespraechsvermerke" ADD CONSTRAINT "gespraechsvermerke_traeger_id_person_id_personen_traeger_id_id_fk" FOREIGN KEY ("traeger_id","person_id") REFERENCES "public"."personen"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gespraechsvermerke" ADD CONSTRAINT "gespraechsvermerke_traeger_id_bg_id_bedarfsgemeinschaften_traeger_id_id_fk" FOREIGN KEY ("traeger_id","bg_id") REFERENCES "public"."bedarfsgemeinschaften"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gespraechsvermerke" ADD CONSTRAINT "gespraechsvermerke_traeger_id_termin_id_termine_traeger_id_id_fk" FOREIGN KEY ("traeger_id","termin_id") REFERENCES "public"."termine"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gespraechsvermerke" ADD CONSTRAINT "gespraechsvermerke_traeger_id_created_by_users_traeger_id_id_fk" FOREIGN KEY ("traeger_id","created_by") REFERENCES "public"."users"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handlungsbedarf_katalog" ADD CONSTRAINT "handlungsbedarf_katalog_traeger_id_traeger_id_fk" FOREIGN KEY ("traeger_id") REFERENCES "public"."traeger"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrationen" ADD CONSTRAINT "integrationen_traeger_id_person_id_personen_traeger_id_id_fk" FOREIGN KEY ("traeger_id","person_id") REFERENCES "public"."personen"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrationen" ADD CONSTRAINT "integrationen_traeger_id_bg_id_bedarfsgemeinschaften_traeger_id_id_fk" FOREIGN KEY ("traeger_id","bg_id") REFERENCES "public"."bedarfsgemeinschaften"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrationen" ADD CONSTRAINT "integrationen_traeger_id_created_by_users_traeger_id_id_fk" FOREIGN KEY ("traeger_id","created_by") REFERENCES "public"."users"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrationen" ADD CONSTRAINT "integrationen_traeger_id_teilnahme_id_massnahme_teilnahmen_traeger_id_id_fk" FOREIGN KEY ("traeger_id","teilnahme_id") REFERENCES "public"."massnahme_teilnahmen"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrationen" ADD CONSTRAINT "integrationen_traeger_id_antrag_id_antraege_traeger_id_id_fk" FOREIGN KEY ("traeger_id","antrag_id") REFERENCES "public"."antraege"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrationen" ADD CONSTRAINT "integrationen_traeger_id_wiedervorlage_id_wiedervorlagen_traeger_id_id_fk" FOREIGN KEY ("traeger_id","wiedervorlage_id") REFERENCES "public"."wiedervorlagen"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kooperationsplaene" ADD CONSTRAINT "kooperationsplaene_traeger_id_person_id_personen_traeger_id_id_fk" FOREIGN KEY ("traeger_id","person_id") REFERENCES "public"."personen"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kooperationsplaene" ADD CONSTRAINT "kooperationsplaene_traeger_id_bg_id_bedarfsgemeinschaften_traeger_id_id_fk" FOREIGN KEY ("traeger_id","bg_id") REFERENCES "public"."bedarfsgemeinschaften"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kooperationsplaene" ADD CONSTRAINT "kooperationsplaene_traeger_id_created_by_users_traeger_id_id_fk" FOREIGN KEY ("traeger_id","created_by") REFERENCES "public"."users"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kooperationsplaene" ADD CONSTRAINT "kooperationsplaene_traeger_id_vorgaenger_id_kooperationsplaene_traeger_id_id_fk" FOREIGN KEY ("traeger_id","vorgaenger_id") REFERENCES "public"."kooperationsplaene"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kooperationsplaene" ADD CONSTRAINT "kooperationsplaene_traeger_id_wiedervorlage_id_wiedervorlagen_traeger_id_id_fk" FOREIGN KEY ("traeger_id","wiedervorlage_id") REFERENCES "public"."wiedervorlagen"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "massnahme_kontingente" ADD CONSTRAINT "massnahme_kontingente_traeger_id_massnahme_id_massnahmen_traeger_id_id_fk" FOREIGN KEY ("traeger_id","massnahme_id") REFERENCES "public"."massnahmen"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "massnahme_kontingente" ADD CONSTRAINT "massnahme_kontingente_traeger_id_standort_id_standorte_traeger_id_id_fk" FOREIGN KEY ("traeger_id","standort_id") REFERENCES "public"."standorte"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "massnahme_teilnahmen" ADD CONSTRAINT "massnahme_teilnahmen_traeger_id_massnahme_id_massnahmen_traeger_id_id_fk" FOREIGN KEY ("traeger_id","massnahme_id") REFERENCES "public"."massnahmen"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "massnahme_teilnahmen" ADD CONSTRAINT "massnahme_teilnahmen_traeger_id_kontingent_id_massnahme_kontingente_traeger_id_id_fk" FOREIGN KEY ("traeger_id","kontingent_id") REFERENCES "public"."massnahme_kontingente"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "massnahme_teilnahmen" ADD CONSTRAINT "massnahme_teilnahmen_traeger_id_person_id_personen_traeger_id_id_fk" FOREIGN KEY ("traeger_id","person_id") REFERENCES "public"."personen"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "massnahme_teilnahmen" ADD CONSTRAINT "massnahme_teilnahmen_traeger_id_bg_id_bedarfsgemeinschaften_traeger_id_id_fk" FOREIGN KEY ("traeger_id","bg_id") REFERENCES "public"."bedarfsgemeinschaften"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "massnahme_teilnahmen" ADD CONSTRAINT "massnahme_teilnahmen_traeger_id_created_by_users_traeger_id_id_fk" FOREIGN KEY ("traeger_id","created_by") REFERENCES "public"."users"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "massnahme_teilnahmen" ADD CONSTRAINT "massnahme_teilnahmen_traeger_id_genehmigt_von_users_traeger_id_id_fk" FOREIGN KEY ("traeger_id","genehmigt_von") REFERENCES "public"."users"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "massnahmen" ADD CONSTRAINT "massnahmen_traeger_id_traeger_id_fk" FOREIGN KEY ("traeger_id") REFERENCES "public"."traeger"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mittel_auszahlungen" ADD CONSTRAINT "mittel_auszahlungen_traeger_id_mittelbindung_id_mittelbindungen_traeger_id_id_fk" FOREIGN KEY ("traeger_id","mittelbindung_id") REFERENCES "public"."mittelbindungen"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mittelbindungen" ADD CONSTRAINT "mittelbindungen_traeger_id_standort_id_standorte_traeger_id_id_fk" FOREIGN KEY ("traeger_id","standort_id") REFERENCES "public"."standorte"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mittelbindungen" ADD CONSTRAINT "mittelbindungen_traeger_id_teilnahme_id_massnahme_teilnahmen_traeger_id_id_fk" FOREIGN KEY ("traeger_id","teilnahme_id") REFERENCES "public"."massnahme_teilnahmen"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "potenzialanalyse_gesundheit" ADD CONSTRAINT "potenzialanalyse_gesundheit_traeger_id_potenzialanalyse_id_potenzialanalysen_traeger_id_id_fk" FOREIGN KEY ("traeger_id","potenzialanalyse_id") REFERENCES "public"."potenzialanalysen"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "potenzialanalyse_gesundheit" ADD CONSTRAINT "potenzialanalyse_gesundheit_traeger_id_person_id_personen_traeger_id_id_fk" FOREIGN KEY ("traeger_id","person_id") REFERENCES "public"."personen"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "potenzialanalysen" ADD CONSTRAINT "potenzialanalysen_traeger_id_person_id_personen_traeger_id_id_fk" FOREIGN KEY ("traeger_id","person_id") REFERENCES "public"."personen"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "potenzialanalysen" ADD CONSTRAINT "potenzialanalysen_traeger_id_bg_id_bedarfsgemeinschaften_traeger_id_id_fk" FOREIGN KEY ("traeger_id","bg_id") REFERENCES "public"."bedarfsgemeinschaften"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "potenzialanalysen" ADD CONSTRAINT "potenzialanalysen_traeger_id_created_by_users_traeger_id_id_fk" FOREIGN KEY ("traeger_id","created_by") REFERENCES "public"."users"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schlichtungen" ADD CONSTRAINT "schlichtungen_traeger_id_kooperationsplan_id_kooperationsplaene_traeger_id_id_fk" FOREIGN KEY ("traeger_id","kooperationsplan_id") REFERENCES "public"."kooperationsplaene"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schlichtungen" ADD CONSTRAINT "schlichtungen_traeger_id_person_id_personen_traeger_id_id_fk" FOREIGN KEY ("traeger_id","person_id") REFERENCES "public"."personen"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "arbeitsmarktstatus_person_idx" ON "arbeitsmarktstatus" USING btree ("traeger_id","person_id","gueltig_von");--> statement-breakpoint
CREATE INDEX "betreuungen_person_idx" ON "betreuungen" USING btree ("traeger_id","person_id");--> statement-breakpoint
CREATE INDEX "betreuungen_fachkraft_idx" ON "betreuungen" USING btree ("traeger_id","fachkraft_id");--> statement-breakpoint
CREATE INDEX "eigenbemuehung_nachweise_plan_idx" ON "eigenbemuehung_nachweise" USING btree ("traeger_id","kooperationsplan_id");--> statement-breakpoint
CREATE INDEX "foerderleistungen_bg_idx" ON "foerderleistungen" USING btree ("traeger_id","bg_id");--> statement-breakpoint
CREATE INDEX "gespraechsvermerke_person_idx" ON "gespraechsvermerke" USING btree ("traeger_id","person_id","datum");--> statement-breakpoint
CREATE INDEX "integrationen_person_idx" ON "integrationen" USING btree ("traeger_id","person_id","beginn");--> statement-breakpoint
CREATE INDEX "integrationen_beginn_idx" ON "integrationen" USING btree ("traeger_id","beginn");--> statement-breakpoint
CREATE INDEX "kooperationsplaene_person_idx" ON "kooperationsplaene" USING btree ("traeger_id","person_id");--> statement-breakpoint
CREATE INDEX "massnahme_kontingente_massnahme_idx" ON "massnahme_kontingente" USING btree ("traeger_id","massnahme_id");--> statement-breakpoint
CREATE INDEX "massnahme_teilnahmen_person_idx" ON "massnahme_teilnahmen" USING btree ("traeger_id","person_id");--> statement-breakpoint
CREATE INDEX "massnahme_teilnahmen_kontingent_idx" ON "massnahme_teilnahmen" USING btree ("traeger_id","kontingent_id","status");--> statement-breakpoint
CREATE INDEX "mittel_auszahlungen_bindung_idx" ON "mittel_auszahlungen" USING btree ("traeger_id","mittelbindung_id");--> statement-breakpoint
CREATE INDEX "mittelbindungen_jahr_idx" ON "mittelbindungen" USING btree ("traeger_id","haushaltsjahr","titel");--> statement-breakpoint
CREATE INDEX "mittelbindungen_teilnahme_idx" ON "mittelbindungen" USING btree ("traeger_id","teilnahme_id");--> statement-breakpoint
CREATE INDEX "schlichtungen_person_idx" ON "schlichtungen" USING btree ("traeger_id","person_id");--> statement-breakpoint
ALTER TABLE "wiedervorlagen" ADD CONSTRAINT "wiedervorlagen_traeger_id_person_id_personen_traeger_id_id_fk" FOREIGN KEY ("traeger_id","person_id") REFERENCES "public"."personen"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "antraege" ADD CONSTRAINT "antraege_kanal_check" CHECK ("antraege"."eingangskanal" in ('papier', 'telefon', 'schalter', 'online', 'intern'));--> statement-breakpoint
ALTER TABLE "wiedervorlagen" ADD CONSTRAINT "wiedervorlagen_art_check" CHECK ("wiedervorlagen"."art" in ('allgemein', 'kooperationsplan_ueberpruefung', 'integration_nachhaltigkeit', 'integration_kontakt'));--> statement-breakpoint
ALTER TABLE "buchungen" ADD CONSTRAINT "buchungen_kostenart_check" CHECK ("buchungen"."kostenart" in ('lebensunterhalt', 'unterkunft', 'sofortzuschlag', 'einmalig', 'eingliederung'));--> statement-breakpoint
ALTER TABLE "zahlungen" ADD CONSTRAINT "zahlungen_art_check" CHECK ("zahlungen"."art" in ('laufend', 'nachzahlung', 'eingliederung'));