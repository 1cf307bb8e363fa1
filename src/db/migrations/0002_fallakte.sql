CREATE TABLE "antraege" (
	"traeger_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"bg_id" uuid,
	"art" text NOT NULL,
	"antragsdatum" date NOT NULL,
	"eingangskanal" text NOT NULL,
	"status" text DEFAULT 'eingegangen' NOT NULL,
	"standort_id" uuid NOT NULL,
	"bearbeiter_id" uuid,
	"faellig_am" date,
	"eingereicht_von" uuid,
	"payload" jsonb,
	"erledigt_am" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "antraege_traeger_id_id_pk" PRIMARY KEY("traeger_id","id"),
	CONSTRAINT "antraege_art_check" CHECK ("antraege"."art" in ('erstantrag', 'weiterbewilligung', 'veraenderung')),
	CONSTRAINT "antraege_kanal_check" CHECK ("antraege"."eingangskanal" in ('papier', 'telefon', 'schalter', 'online')),
	CONSTRAINT "antraege_status_check" CHECK ("antraege"."status" in ('eingegangen', 'in_bearbeitung', 'wartet_auf_unterlagen', 'entschieden', 'zurueckgenommen'))
);
--> statement-breakpoint
CREATE TABLE "bedarfsgemeinschaften" (
	"traeger_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"fallnummer" text NOT NULL,
	"standort_id" uuid NOT NULL,
	"status" text DEFAULT 'aktiv' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "bedarfsgemeinschaften_traeger_id_id_pk" PRIMARY KEY("traeger_id","id"),
	CONSTRAINT "bedarfsgemeinschaften_fallnummer_unique" UNIQUE("traeger_id","fallnummer"),
	CONSTRAINT "bedarfsgemeinschaften_status_check" CHECK ("bedarfsgemeinschaften"."status" in ('aktiv', 'geschlossen'))
);
--> statement-breakpoint
CREATE TABLE "bg_adressen" (
	"traeger_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"bg_id" uuid NOT NULL,
	"gueltig_von" date NOT NULL,
	"gueltig_bis" date,
	"strasse" text NOT NULL,
	"hausnummer" text NOT NULL,
	"zusatz" text,
	"plz" text NOT NULL,
	"ort" text NOT NULL,
	"kommune_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bg_adressen_traeger_id_id_pk" PRIMARY KEY("traeger_id","id"),
	CONSTRAINT "bg_adressen_periode_check" CHECK ("bg_adressen"."gueltig_bis" is null or "bg_adressen"."gueltig_bis" >= "bg_adressen"."gueltig_von"),
	CONSTRAINT "bg_adressen_plz_check" CHECK ("bg_adressen"."plz" ~ '^[0-9]{5}$')
);
--> statement-breakpoint
CREATE TABLE "bg_bankverbindungen" (
	"traeger_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"bg_id" uuid NOT NULL,
	"gueltig_von" date NOT NULL,
	"gueltig_bis" date,
	"iban" text NOT NULL,
	"bic" text,
	"kontoinhaber" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bg_bankverbindungen_traeger_id_id_pk" PRIMARY KEY("traeger_id","id"),
	CONSTRAINT "bg_bankverbindungen_periode_check" CHECK ("bg_bankverbindungen"."gueltig_bis" is null or "bg_bankverbindungen"."gueltig_bis" >= "bg_bankverbindungen"."gueltig_von"),
	CONSTRAINT "bg_bankverbindungen_iban_check" CHECK ("bg_bankverbindungen"."iban" ~ '^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$')
);
--> statement-breakpoint
CREATE TABLE "bg_mitgliedschaften" (
	"traeger_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"bg_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"gueltig_von" date NOT NULL,
	"gueltig_bis" date,
	"rolle" text NOT NULL,
	"in_bg" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bg_mitgliedschaften_traeger_id_id_pk" PRIMARY KEY("traeger_id","id"),
	CONSTRAINT "bg_mitgliedschaften_periode_check" CHECK ("bg_mitgliedschaften"."gueltig_bis" is null or "bg_mitgliedschaften"."gueltig_bis" >= "bg_mitgliedschaften"."gueltig_von"),
	CONSTRAINT "bg_mitgliedschaften_rolle_check" CHECK ("bg_mitgliedschaften"."rolle" in ('antragsteller', 'partner', 'kind', 'sonstige'))
);
--> statement-breakpoint
CREATE TABLE "bg_unterkunft" (
	"traeger_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"bg_id" uuid NOT NULL,
	"gueltig_von" date NOT NULL,
	"gueltig_bis" date,
	"grundmiete_cent" bigint NOT NULL,
	"nebenkosten_cent" bigint NOT NULL,
	"heizkosten_cent" bigint NOT NULL,
	"warmwasser_dezentral" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bg_unterkunft_traeger_id_id_pk" PRIMARY KEY("traeger_id","id"),
	CONSTRAINT "bg_unterkunft_periode_check" CHECK ("bg_unterkunft"."gueltig_bis" is null or "bg_unterkunft"."gueltig_bis" >= "bg_unterkunft"."gueltig_von"),
	CONSTRAINT "bg_unterkunft_betraege_check" CHECK ("bg_unterkunft"."grundmiete_cent" >= 0 and "bg_unterkunft"."nebenkosten_cent" >= 0 and "bg_unterkunft"."heizkosten_cent" >= 0)
);
--> statement-breakpoint
CREATE TABLE "fall_dokumente" (
	"traeger_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"bg_id" uuid NOT NULL,
	"person_id" uuid,
	"antrag_id" uuid,
	"titel" text NOT NULL,
	"dateiname" text NOT NULL,
	"mime" text NOT NULL,
	"groesse" integer NOT NULL,
	"sha256" text NOT NULL,
	"inhalt" "bytea" NOT NULL,
	"eingegangen_am" date NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fall_dokumente_traeger_id_id_pk" PRIMARY KEY("traeger_id","id"),
	CONSTRAINT "fall_dokumente_sha_check" CHECK ("fall_dokumente"."sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "fall_dokumente_groesse_check" CHECK ("fall_dokumente"."groesse" >= 0)
);
--> statement-breakpoint
CREATE TABLE "fall_ereignisse" (
	"traeger_id" uuid NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "fall_ereignisse_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"bg_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid,
	"actor_name" text NOT NULL,
	"art" text NOT NULL,
	"beschreibung" text NOT NULL,
	"person_id" uuid,
	"details" jsonb,
	CONSTRAINT "fall_ereignisse_traeger_id_id_pk" PRIMARY KEY("traeger_id","id")
);
--> statement-breakpoint
CREATE TABLE "fall_nummernkreise" (
	"traeger_id" uuid PRIMARY KEY NOT NULL,
	"letzte" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fall_vermerke" (
	"traeger_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"bg_id" uuid NOT NULL,
	"text" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fall_vermerke_traeger_id_id_pk" PRIMARY KEY("traeger_id","id")
);
--> statement-breakpoint
CREATE TABLE "person_beziehungen" (
	"traeger_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"bg_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"zu_person_id" uuid NOT NULL,
	"art" text NOT NULL,
	"gueltig_von" date NOT NULL,
	"gueltig_bis" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "person_beziehungen_traeger_id_id_pk" PRIMARY KEY("traeger_id","id"),
	CONSTRAINT "person_beziehungen_periode_check" CHECK ("person_beziehungen"."gueltig_bis" is null or "person_beziehungen"."gueltig_bis" >= "person_beziehungen"."gueltig_von"),
	CONSTRAINT "person_beziehungen_art_check" CHECK ("person_beziehungen"."art" in ('partner', 'elternteil')),
	CONSTRAINT "person_beziehungen_selbst_check" CHECK ("person_beziehungen"."person_id" <> "person_beziehungen"."zu_person_id")
);
--> statement-breakpoint
CREATE TABLE "person_einkommen" (
	"traeger_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"gueltig_von" date NOT NULL,
	"gueltig_bis" date,
	"art" text NOT NULL,
	"bezeichnung" text,
	"brutto_cent" bigint,
	"netto_cent" bigint,
	"absetzungen_cent" bigint,
	"betrag_cent" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "person_einkommen_traeger_id_id_pk" PRIMARY KEY("traeger_id","id"),
	CONSTRAINT "person_einkommen_periode_check" CHECK ("person_einkommen"."gueltig_bis" is null or "person_einkommen"."gueltig_bis" >= "person_einkommen"."gueltig_von"),
	CONSTRAINT "person_einkommen_art_check" CHECK (art in ('erwerbstaetigkeit', 'kindergeld', 'unterhalt', 'unterhaltsvorschuss', 'rente', 'arbeitslosengeld', 'krankengeld', 'elterngeld', 'selbststaendigkeit', 'sonstiges')),
	CONSTRAINT "person_einkommen_betraege_check" CHECK (("person_einkommen"."art" = 'erwerbstaetigkeit' and "person_einkommen"."brutto_cent" >= 0 and "person_einkommen"."netto_cent" >= 0 and "person_einkommen"."betrag_cent" is null and coalesce("person_einkommen"."absetzungen_cent", 0) >= 0)
        or ("person_einkommen"."art" <> 'erwerbstaetigkeit' and "person_einkommen"."betrag_cent" >= 0 and "person_einkommen"."brutto_cent" is null and "person_einkommen"."netto_cent" is null and "person_einkommen"."absetzungen_cent" is null))
);
--> statement-breakpoint
CREATE TABLE "person_merkmale" (
	"traeger_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"gueltig_von" date NOT NULL,
	"gueltig_bis" date,
	"erwerbsfaehig" boolean,
	"schwanger" boolean DEFAULT false NOT NULL,
	"mehrbedarf_behinderung" boolean DEFAULT false NOT NULL,
	"mehrbedarf_ernaehrung_cent" integer,
	"mehrbedarf_unabweisbar_cent" integer,
	"mehrbedarf_schulbuecher_cent" integer,
	"alleinerziehend" boolean,
	"kindergeldberechtigter_person_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "person_merkmale_traeger_id_id_pk" PRIMARY KEY("traeger_id","id"),
	CONSTRAINT "person_merkmale_periode_check" CHECK ("person_merkmale"."gueltig_bis" is null or "person_merkmale"."gueltig_bis" >= "person_merkmale"."gueltig_von"),
	CONSTRAINT "person_merkmale_betraege_check" CHECK (coalesce("person_merkmale"."mehrbedarf_ernaehrung_cent", 0) >= 0 and coalesce("person_merkmale"."mehrbedarf_unabweisbar_cent", 0) >= 0 and coalesce("person_merkmale"."mehrbedarf_schulbuecher_cent", 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "person_stammdaten" (
	"traeger_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"gueltig_von" date NOT NULL,
	"gueltig_bis" date,
	"vorname" text NOT NULL,
	"nachname" text NOT NULL,
	"geburtsdatum" date NOT NULL,
	"geschlecht" text,
	"staatsangehoerigkeit" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "person_stammdaten_traeger_id_id_pk" PRIMARY KEY("traeger_id","id"),
	CONSTRAINT "person_stammdaten_periode_check" CHECK ("person_stammdaten"."gueltig_bis" is null or "person_stammdaten"."gueltig_bis" >= "person_stammdaten"."gueltig_von"),
	CONSTRAINT "person_stammdaten_geschlecht_check" CHECK ("person_stammdaten"."geschlecht" is null or "person_stammdaten"."geschlecht" in ('w', 'm', 'd')),
	CONSTRAINT "person_stammdaten_staat_check" CHECK ("person_stammdaten"."staatsangehoerigkeit" ~ '^[A-Z]{2}$')
);
--> statement-breakpoint
CREATE TABLE "person_vermoegen" (
	"traeger_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"gueltig_von" date NOT NULL,
	"gueltig_bis" date,
	"bezeichnung" text NOT NULL,
	"wert_cent" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "person_vermoegen_traeger_id_id_pk" PRIMARY KEY("traeger_id","id"),
	CONSTRAINT "person_vermoegen_periode_check" CHECK ("person_vermoegen"."gueltig_bis" is null or "person_vermoegen"."gueltig_bis" >= "person_vermoegen"."gueltig_von"),
	CONSTRAINT "person_vermoegen_wert_check" CHECK ("person_vermoegen"."wert_cent" >= 0)
);
--> statement-breakpoint
CREATE TABLE "personen" (
	"traeger_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "personen_traeger_id_id_pk" PRIMARY KEY("traeger_id","id")
);
--> statement-breakpoint
CREATE TABLE "wiedervorlagen" (
	"traeger_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"bg_id" uuid NOT NULL,
	"antrag_id" uuid,
	"faellig_am" date NOT NULL,
	"grund" text NOT NULL,
	"zugewiesen_an" uuid,
	"erledigt_am" timestamp with time zone,
	"erledigt_von" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "wiedervorlagen_traeger_id_id_pk" PRIMARY KEY("traeger_id","id")
);
--> statement-breakpoint
ALTER TABLE "antraege" ADD CONSTRAINT "antraege_traeger_id_bg_id_bedarfsgemeinschaften_traeger_id_id_fk" FOREIGN KEY ("traeger_id","bg_id") REFERENCES "public"."bedarfsgemeinschaften"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "antraege" ADD CONSTRAINT "antraege_traeger_id_standort_id_standorte_traeger_id_id_fk" FOREIGN KEY ("traeger_id","standort_id") REFERENCES "public"."standorte"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "antraege" ADD CONSTRAINT "antraege_traeger_id_bearbeiter_id_users_traeger_id_id_fk" FOREIGN KEY ("traeger_id","bearbeiter_id") REFERENCES "public"."users"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "antraege" ADD CONSTRAINT "antraege_traeger_id_eingereicht_von_users_traeger_id_id_fk" FOREIGN KEY ("traeger_id","eingereicht_von") REFERENCES "public"."users"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bedarfsgemeinschaften" ADD CONSTRAINT "bedarfsgemeinschaften_traeger_id_standort_id_standorte_traeger_id_id_fk" FOREIGN KEY ("traeger_id","standort_id") REFERENCES "public"."standorte"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bg_adressen" ADD CONSTRAINT "bg_adressen_traeger_id_bg_id_bedarfsgemeinschaften_traeger_id_id_fk" FOREIGN KEY ("traeger_id","bg_id") REFERENCES "public"."bedarfsgemeinschaften"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bg_adressen" ADD CONSTRAINT "bg_adressen_traeger_id_kommune_id_kommunen_traeger_id_id_fk" FOREIGN KEY ("traeger_id","kommune_id") REFERENCES "public"."kommunen"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bg_bankverbindungen" ADD CONSTRAINT "bg_bankverbindungen_traeger_id_bg_id_bedarfsgemeinschaften_traeger_id_id_fk" FOREIGN KEY ("traeger_id","bg_id") REFERENCES "public"."bedarfsgemeinschaften"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bg_mitgliedschaften" ADD CONSTRAINT "bg_mitgliedschaften_traeger_id_bg_id_bedarfsgemeinschaften_traeger_id_id_fk" FOREIGN KEY ("traeger_id","bg_id") REFERENCES "public"."bedarfsgemeinschaften"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bg_mitgliedschaften" ADD CONSTRAINT "bg_mitgliedschaften_traeger_id_person_id_personen_traeger_id_id_fk" FOREIGN KEY ("traeger_id","person_id") REFERENCES "public"."personen"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bg_unterkunft" ADD CONSTRAINT "bg_unterkunft_traeger_id_bg_id_bedarfsgemeinschaften_traeger_id_id_fk" FOREIGN KEY ("traeger_id","bg_id") REFERENCES "public"."bedarfsgemeinschaften"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fall_dokumente" ADD CONSTRAINT "fall_dokumente_traeger_id_bg_id_bedarfsgemeinschaften_traeger_id_id_fk" FOREIGN KEY ("traeger_id","bg_id") REFERENCES "public"."bedarfsgemeinschaften"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fall_dokumente" ADD CONSTRAINT "fall_dokumente_traeger_id_person_id_personen_traeger_id_id_fk" FOREIGN KEY ("traeger_id","person_id") REFERENCES "public"."personen"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fall_ereignisse" ADD CONSTRAINT "fall_ereignisse_traeger_id_bg_id_bedarfsgemeinschaften_traeger_id_id_fk" FOREIGN KEY ("traeger_id","bg_id") REFERENCES "public"."bedarfsgemeinschaften"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fall_nummernkreise" ADD CONSTRAINT "fall_nummernkreise_traeger_id_traeger_id_fk" FOREIGN KEY ("traeger_id") REFERENCES "public"."traeger"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fall_vermerke" ADD CONSTRAINT "fall_vermerke_traeger_id_bg_id_bedarfsgemeinschaften_traeger_id_id_fk" FOREIGN KEY ("traeger_id","bg_id") REFERENCES "public"."bedarfsgemeinschaften"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fall_vermerke" ADD CONSTRAINT "fall_vermerke_traeger_id_created_by_users_traeger_id_id_fk" FOREIGN KEY ("traeger_id","created_by") REFERENCES "public"."users"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_beziehungen" ADD CONSTRAINT "person_beziehungen_traeger_id_bg_id_bedarfsgemeinschaften_traeger_id_id_fk" FOREIGN KEY ("traeger_id","bg_id") REFERENCES "public"."bedarfsgemeinschaften"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_beziehungen" ADD CONSTRAINT "person_beziehungen_traeger_id_person_id_personen_traeger_id_id_fk" FOREIGN KEY ("traeger_id","person_id") REFERENCES "public"."personen"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_beziehungen" ADD CONSTRAINT "person_beziehungen_traeger_id_zu_person_id_personen_traeger_id_id_fk" FOREIGN KEY ("traeger_id","zu_person_id") REFERENCES "public"."personen"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_einkommen" ADD CONSTRAINT "person_einkommen_traeger_id_person_id_personen_traeger_id_id_fk" FOREIGN KEY ("traeger_id","person_id") REFERENCES "public"."personen"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_merkmale" ADD CONSTRAINT "person_merkmale_traeger_id_person_id_personen_traeger_id_id_fk" FOREIGN KEY ("traeger_id","person_id") REFERENCES "public"."personen"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_merkmale" ADD CONSTRAINT "person_merkmale_traeger_id_kindergeldberechtigter_person_id_personen_traeger_id_id_fk" FOREIGN KEY ("traeger_id","kindergeldberechtigter_person_id") REFERENCES "public"."personen"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_stammdaten" ADD CONSTRAINT "person_stammdaten_traeger_id_person_id_personen_traeger_id_id_fk" FOREIGN KEY ("traeger_id","person_id") REFERENCES "public"."personen"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_vermoegen" ADD CONSTRAINT "person_vermoegen_traeger_id_person_id_personen_traeger_id_id_fk" FOREIGN KEY ("traeger_id","person_id") REFERENCES "public"."personen"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "personen" ADD CONSTRAINT "personen_traeger_id_traeger_id_fk" FOREIGN KEY ("traeger_id") REFERENCES "public"."traeger"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wiedervorlagen" ADD CONSTRAINT "wiedervorlagen_traeger_id_bg_id_bedarfsgemeinschaften_traeger_id_id_fk" FOREIGN KEY ("traeger_id","bg_id") REFERENCES "public"."bedarfsgemeinschaften"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wiedervorlagen" ADD CONSTRAINT "wiedervorlagen_traeger_id_antrag_id_antraege_traeger_id_id_fk" FOREIGN KEY ("traeger_id","antrag_id") REFERENCES "public"."antraege"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wiedervorlagen" ADD CONSTRAINT "wiedervorlagen_traeger_id_zugewiesen_an_users_traeger_id_id_fk" FOREIGN KEY ("traeger_id","zugewiesen_an") REFERENCES "public"."users"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "antraege_vorrat_idx" ON "antraege" USING btree ("traeger_id","standort_id","status","antragsdatum");--> statement-breakpoint
CREATE INDEX "antraege_bg_idx" ON "antraege" USING btree ("traeger_id","bg_id");--> statement-breakpoint
CREATE INDEX "antraege_bearbeiter_idx" ON "antraege" USING btree ("traeger_id","bearbeiter_id");--> statement-breakpoint
CREATE INDEX "bedarfsgemeinschaften_standort_idx" ON "bedarfsgemeinschaften" USING btree ("traeger_id","standort_id");--> statement-breakpoint
CREATE INDEX "bg_adressen_bg_idx" ON "bg_adressen" USING btree ("traeger_id","bg_id");--> statement-breakpoint
CREATE INDEX "bg_bankverbindungen_bg_idx" ON "bg_bankverbindungen" USING btree ("traeger_id","bg_id");--> statement-breakpoint
CREATE INDEX "bg_mitgliedschaften_bg_idx" ON "bg_mitgliedschaften" USING btree ("traeger_id","bg_id");--> statement-breakpoint
CREATE INDEX "bg_mitgliedschaften_person_idx" ON "bg_mitgliedschaften" USING btree ("traeger_id","person_id");--> statement-breakpoint
CREATE INDEX "bg_unterkunft_bg_idx" ON "bg_unterkunft" USING btree ("traeger_id","bg_id");--> statement-breakpoint
CREATE INDEX "fall_dokumente_bg_idx" ON "fall_dokumente" USING btree ("traeger_id","bg_id");--> statement-breakpoint
CREATE INDEX "fall_ereignisse_bg_idx" ON "fall_ereignisse" USING btree ("traeger_id","bg_id","at");--> statement-breakpoint
CREATE INDEX "fall_vermerke_bg_idx" ON "fall_vermerke" USING btree ("traeger_id","bg_id","created_at");--> statement-breakpoint
CREATE INDEX "person_beziehungen_bg_idx" ON "person_beziehungen" USING btree ("traeger_id","bg_id");--> statement-breakpoint
CREATE INDEX "person_einkommen_person_idx" ON "person_einkommen" USING btree ("traeger_id","person_id");--> statement-breakpoint
CREATE INDEX "person_merkmale_person_idx" ON "person_merkmale" USING btree ("traeger_id","person_id");--> statement-breakpoint
CREATE INDEX "person_stammdaten_person_idx" ON "person_stammdaten" USING btree ("traeger_id","person_id");--> statement-breakpoint
CREATE INDEX "person_stammdaten_name_idx" ON "person_stammdaten" USING btree ("traeger_id",lower("nachname"),lower("vorname"));--> statement-breakpoint
CREATE INDEX "person_stammdaten_geburt_idx" ON "person_stammdaten" USING btree ("traeger_id","geburtsdatum");--> statement-breakpoint
CREATE INDEX "person_vermoegen_person_idx" ON "person_vermoegen" USING btree ("traeger_id","person_id");--> statement-breakpoint
CREATE INDEX "wiedervorlagen_faellig_idx" ON "wiedervorlagen" USING btree ("traeger_id","faellig_am");--> statement-breakpoint
CREATE INDEX "wiedervorlagen_bg_idx" ON "wiedervorlagen" USING btree ("traeger_id","bg_id");