CREATE TABLE "bescheide" (
	"traeger_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"bg_id" uuid NOT NULL,
	"bewilligung_id" uuid,
	"massenaenderung_id" uuid,
	"art" text NOT NULL,
	"datum" date NOT NULL,
	"modell" jsonb NOT NULL,
	"sha256" text NOT NULL,
	"pdf" "bytea",
	"pdf_sha256" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "bescheide_traeger_id_id_pk" PRIMARY KEY("traeger_id","id"),
	CONSTRAINT "bescheide_art_check" CHECK ("bescheide"."art" in ('bewilligung', 'aenderung', 'ablehnung', 'aufhebung')),
	CONSTRAINT "bescheide_sha_check" CHECK ("bescheide"."sha256" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE TABLE "bewilligung_monate" (
	"traeger_id" uuid NOT NULL,
	"bewilligung_id" uuid NOT NULL,
	"monat" text NOT NULL,
	"input" jsonb NOT NULL,
	"ergebnis" jsonb NOT NULL,
	"personen" jsonb NOT NULL,
	"kosten" jsonb NOT NULL,
	"auszahlung_cent" bigint NOT NULL,
	CONSTRAINT "bewilligung_monate_traeger_id_bewilligung_id_monat_pk" PRIMARY KEY("traeger_id","bewilligung_id","monat"),
	CONSTRAINT "bewilligung_monate_monat_check" CHECK ("bewilligung_monate"."monat" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "bewilligung_monate_betrag_check" CHECK ("bewilligung_monate"."auszahlung_cent" >= 0)
);
--> statement-breakpoint
CREATE TABLE "bewilligungen" (
	"traeger_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"bg_id" uuid NOT NULL,
	"antrag_id" uuid,
	"von" date NOT NULL,
	"bis" date NOT NULL,
	"art" text DEFAULT 'endgueltig' NOT NULL,
	"vorgang" text NOT NULL,
	"status" text DEFAULT 'entwurf' NOT NULL,
	"rechtsstand" text NOT NULL,
	"vorlaeufig_grund" text,
	"vorgaenger_id" uuid,
	"massenaenderung_id" uuid,
	"summe_cent" bigint DEFAULT 0 NOT NULL,
	"hoechster_monat_cent" bigint DEFAULT 0 NOT NULL,
	"vier_augen_gruende" jsonb,
	"ablehnungsgruende" jsonb,
	"aenderung" jsonb,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "bewilligungen_traeger_id_id_pk" PRIMARY KEY("traeger_id","id"),
	CONSTRAINT "bewilligungen_art_check" CHECK ("bewilligungen"."art" in ('endgueltig', 'vorlaeufig')),
	CONSTRAINT "bewilligungen_status_check" CHECK ("bewilligungen"."status" in ('entwurf', 'freigabe_erforderlich', 'bewilligt', 'abgelehnt', 'aufgehoben', 'ersetzt')),
	CONSTRAINT "bewilligungen_vorgang_check" CHECK ("bewilligungen"."vorgang" in ('erstbewilligung', 'weiterbewilligung', 'aenderung', 'abschliessende_feststellung', 'ablehnung')),
	CONSTRAINT "bewilligungen_periode_check" CHECK ("bewilligungen"."bis" >= "bewilligungen"."von")
);
--> statement-breakpoint
CREATE TABLE "buchungen" (
	"traeger_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"schluessel" text NOT NULL,
	"zahlung_id" uuid NOT NULL,
	"bg_id" uuid NOT NULL,
	"leistungsmonat" text NOT NULL,
	"zahlmonat" text NOT NULL,
	"kostenart" text NOT NULL,
	"kostentraeger" text NOT NULL,
	"kommune_id" uuid,
	"betrag_cent" bigint NOT NULL,
	CONSTRAINT "buchungen_traeger_id_id_pk" PRIMARY KEY("traeger_id","id"),
	CONSTRAINT "buchungen_schluessel_unique" UNIQUE("traeger_id","schluessel"),
	CONSTRAINT "buchungen_kostenart_check" CHECK ("buchungen"."kostenart" in ('lebensunterhalt', 'unterkunft', 'sofortzuschlag', 'einmalig')),
	CONSTRAINT "buchungen_traeger_check" CHECK ("buchungen"."kostentraeger" in ('bund', 'kommune'))
);
--> statement-breakpoint
CREATE TABLE "erstattungsforderungen" (
	"traeger_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"bg_id" uuid NOT NULL,
	"bewilligung_id" uuid,
	"bescheid_id" uuid,
	"betrag_cent" bigint NOT NULL,
	"personen" jsonb NOT NULL,
	"monate" jsonb NOT NULL,
	"norm" text NOT NULL,
	"status" text DEFAULT 'offen' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "erstattungsforderungen_traeger_id_id_pk" PRIMARY KEY("traeger_id","id"),
	CONSTRAINT "erstattungsforderungen_betrag_check" CHECK ("erstattungsforderungen"."betrag_cent" > 0),
	CONSTRAINT "erstattungsforderungen_status_check" CHECK ("erstattungsforderungen"."status" in ('offen', 'erledigt'))
);
--> statement-breakpoint
CREATE TABLE "kdu_richtwerte" (
	"traeger_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kommune_id" uuid NOT NULL,
	"haushaltsgroesse" integer NOT NULL,
	"bruttokaltmiete_cent" bigint NOT NULL,
	"heizkosten_cent" bigint NOT NULL,
	"gueltig_von" date NOT NULL,
	"gueltig_bis" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "kdu_richtwerte_traeger_id_id_pk" PRIMARY KEY("traeger_id","id"),
	CONSTRAINT "kdu_richtwerte_groesse_check" CHECK ("kdu_richtwerte"."haushaltsgroesse" between 1 and 12),
	CONSTRAINT "kdu_richtwerte_betraege_check" CHECK ("kdu_richtwerte"."bruttokaltmiete_cent" >= 0 and "kdu_richtwerte"."heizkosten_cent" >= 0),
	CONSTRAINT "kdu_richtwerte_periode_check" CHECK ("kdu_richtwerte"."gueltig_bis" is null or "kdu_richtwerte"."gueltig_bis" >= "kdu_richtwerte"."gueltig_von")
);
--> statement-breakpoint
CREATE TABLE "korrekturen" (
	"traeger_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"bg_id" uuid NOT NULL,
	"bewilligung_id" uuid NOT NULL,
	"monat" text NOT NULL,
	"betrag_cent" bigint NOT NULL,
	"kosten" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "korrekturen_traeger_id_id_pk" PRIMARY KEY("traeger_id","id"),
	CONSTRAINT "korrekturen_monat_check" CHECK ("korrekturen"."monat" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "korrekturen_betrag_check" CHECK ("korrekturen"."betrag_cent" > 0)
);
--> statement-breakpoint
CREATE TABLE "massenaenderung_faelle" (
	"traeger_id" uuid NOT NULL,
	"massenaenderung_id" uuid NOT NULL,
	"bewilligung_id" uuid NOT NULL,
	"bg_id" uuid NOT NULL,
	"geaendert" boolean NOT NULL,
	"neue_bewilligung_id" uuid,
	"bescheid_id" uuid,
	"fehler" text,
	"differenz_cent" bigint DEFAULT 0 NOT NULL,
	"erledigt_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "massenaenderung_faelle_traeger_id_massenaenderung_id_bewilligung_id_pk" PRIMARY KEY("traeger_id","massenaenderung_id","bewilligung_id"),
	CONSTRAINT "massenaenderung_faelle_bescheid_unique" UNIQUE("traeger_id","bescheid_id")
);
--> statement-breakpoint
CREATE TABLE "massenaenderungen" (
	"traeger_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"ab" date NOT NULL,
	"grund" text NOT NULL,
	"status" text DEFAULT 'laufend' NOT NULL,
	"gesamt" integer DEFAULT 0 NOT NULL,
	"verarbeitet" integer DEFAULT 0 NOT NULL,
	"geaendert" integer DEFAULT 0 NOT NULL,
	"bescheide" integer DEFAULT 0 NOT NULL,
	"fehler" integer DEFAULT 0 NOT NULL,
	"started_by" uuid,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "massenaenderungen_traeger_id_id_pk" PRIMARY KEY("traeger_id","id"),
	CONSTRAINT "massenaenderungen_status_check" CHECK ("massenaenderungen"."status" in ('laufend', 'pausiert', 'fertig', 'abgebrochen'))
);
--> statement-breakpoint
CREATE TABLE "traeger_einstellungen" (
	"traeger_id" uuid PRIMARY KEY NOT NULL,
	"vier_augen_regeln" jsonb NOT NULL,
	"iban" text,
	"bic" text,
	"kontoinhaber" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "traeger_einstellungen_iban_check" CHECK ("traeger_einstellungen"."iban" is null or "traeger_einstellungen"."iban" ~ '^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$')
);
--> statement-breakpoint
CREATE TABLE "zahllaeufe" (
	"traeger_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"zahlmonat" text NOT NULL,
	"nr" integer NOT NULL,
	"status" text DEFAULT 'laufend' NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"started_by" uuid,
	"nachricht_id" text NOT NULL,
	"pain001" text,
	"anzahl" integer DEFAULT 0 NOT NULL,
	"summe_cent" bigint DEFAULT 0 NOT NULL,
	"zurueckgestellt" jsonb,
	CONSTRAINT "zahllaeufe_traeger_id_id_pk" PRIMARY KEY("traeger_id","id"),
	CONSTRAINT "zahllaeufe_monat_nr_unique" UNIQUE("traeger_id","zahlmonat","nr"),
	CONSTRAINT "zahllaeufe_monat_check" CHECK ("zahllaeufe"."zahlmonat" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "zahllaeufe_status_check" CHECK ("zahllaeufe"."status" in ('laufend', 'fertig'))
);
--> statement-breakpoint
CREATE TABLE "zahlungen" (
	"traeger_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"schluessel" text NOT NULL,
	"zahllauf_id" uuid NOT NULL,
	"bg_id" uuid NOT NULL,
	"bewilligung_id" uuid,
	"korrektur_id" uuid,
	"art" text NOT NULL,
	"leistungsmonat" text NOT NULL,
	"zahlmonat" text NOT NULL,
	"betrag_cent" bigint NOT NULL,
	"end_to_end_id" text NOT NULL,
	"empfaenger_name" text NOT NULL,
	"iban_maskiert" text NOT NULL,
	"iban_enc" text NOT NULL,
	"bic" text,
	"verwendungszweck" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "zahlungen_traeger_id_id_pk" PRIMARY KEY("traeger_id","id"),
	CONSTRAINT "zahlungen_schluessel_unique" UNIQUE("traeger_id","schluessel"),
	CONSTRAINT "zahlungen_art_check" CHECK ("zahlungen"."art" in ('laufend', 'nachzahlung')),
	CONSTRAINT "zahlungen_betrag_check" CHECK ("zahlungen"."betrag_cent" > 0),
	CONSTRAINT "zahlungen_leistungsmonat_check" CHECK ("zahlungen"."leistungsmonat" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$')
);
--> statement-breakpoint
ALTER TABLE "bescheide" ADD CONSTRAINT "bescheide_traeger_id_bg_id_bedarfsgemeinschaften_traeger_id_id_fk" FOREIGN KEY ("traeger_id","bg_id") REFERENCES "public"."bedarfsgemeinschaften"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bescheide" ADD CONSTRAINT "bescheide_traeger_id_bewilligung_id_bewilligungen_traeger_id_id_fk" FOREIGN KEY ("traeger_id","bewilligung_id") REFERENCES "public"."bewilligungen"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bewilligung_monate" ADD CONSTRAINT "bewilligung_monate_traeger_id_bewilligung_id_bewilligungen_traeger_id_id_fk" FOREIGN KEY ("traeger_id","bewilligung_id") REFERENCES "public"."bewilligungen"("traeger_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bewilligungen" ADD CONSTRAINT "bewilligungen_traeger_id_bg_id_bedarfsgemeinschaften_traeger_id_id_fk" FOREIGN KEY ("traeger_id","bg_id") REFERENCES "public"."bedarfsgemeinschaften"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buchungen" ADD CONSTRAINT "buchungen_traeger_id_zahlung_id_zahlungen_traeger_id_id_fk" FOREIGN KEY ("traeger_id","zahlung_id") REFERENCES "public"."zahlungen"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "erstattungsforderungen" ADD CONSTRAINT "erstattungsforderungen_traeger_id_bg_id_bedarfsgemeinschaften_traeger_id_id_fk" FOREIGN KEY ("traeger_id","bg_id") REFERENCES "public"."bedarfsgemeinschaften"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kdu_richtwerte" ADD CONSTRAINT "kdu_richtwerte_traeger_id_kommune_id_kommunen_traeger_id_id_fk" FOREIGN KEY ("traeger_id","kommune_id") REFERENCES "public"."kommunen"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "korrekturen" ADD CONSTRAINT "korrekturen_traeger_id_bg_id_bedarfsgemeinschaften_traeger_id_id_fk" FOREIGN KEY ("traeger_id","bg_id") REFERENCES "public"."bedarfsgemeinschaften"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "korrekturen" ADD CONSTRAINT "korrekturen_traeger_id_bewilligung_id_bewilligungen_traeger_id_id_fk" FOREIGN KEY ("traeger_id","bewilligung_id") REFERENCES "public"."bewilligungen"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "massenaenderung_faelle" ADD CONSTRAINT "massenaenderung_faelle_traeger_id_massenaenderung_id_massenaenderungen_traeger_id_id_fk" FOREIGN KEY ("traeger_id","massenaenderung_id") REFERENCES "public"."massenaenderungen"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "traeger_einstellungen" ADD CONSTRAINT "traeger_einstellungen_traeger_id_traeger_id_fk" FOREIGN KEY ("traeger_id") REFERENCES "public"."traeger"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zahlungen" ADD CONSTRAINT "zahlungen_traeger_id_zahllauf_id_zahllaeufe_traeger_id_id_fk" FOREIGN KEY ("traeger_id","zahllauf_id") REFERENCES "public"."zahllaeufe"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zahlungen" ADD CONSTRAINT "zahlungen_traeger_id_bg_id_bedarfsgemeinschaften_traeger_id_id_fk" FOREIGN KEY ("traeger_id","bg_id") REFERENCES "public"."bedarfsgemeinschaften"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bescheide_bg_idx" ON "bescheide" USING btree ("traeger_id","bg_id","created_at");--> statement-breakpoint
CREATE INDEX "bescheide_ohne_pdf_idx" ON "bescheide" USING btree ("traeger_id","created_at") WHERE pdf is null;--> statement-breakpoint
CREATE INDEX "bewilligungen_bg_idx" ON "bewilligungen" USING btree ("traeger_id","bg_id");--> statement-breakpoint
CREATE INDEX "bewilligungen_status_idx" ON "bewilligungen" USING btree ("traeger_id","status","bis");--> statement-breakpoint
CREATE INDEX "buchungen_monat_idx" ON "buchungen" USING btree ("traeger_id","zahlmonat");--> statement-breakpoint
CREATE INDEX "erstattungsforderungen_bg_idx" ON "erstattungsforderungen" USING btree ("traeger_id","bg_id");--> statement-breakpoint
CREATE INDEX "kdu_richtwerte_kommune_idx" ON "kdu_richtwerte" USING btree ("traeger_id","kommune_id","haushaltsgroesse");--> statement-breakpoint
CREATE INDEX "korrekturen_bg_idx" ON "korrekturen" USING btree ("traeger_id","bg_id");--> statement-breakpoint
CREATE INDEX "zahlungen_lauf_idx" ON "zahlungen" USING btree ("traeger_id","zahllauf_id");--> statement-breakpoint
CREATE INDEX "zahlungen_bg_idx" ON "zahlungen" USING btree ("traeger_id","bg_id","leistungsmonat");