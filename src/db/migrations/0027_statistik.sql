CREATE TABLE "statistik_bezugsgroessen" (
	"traeger_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"art" text NOT NULL,
	"kommune_id" uuid,
	"gueltig_ab_monat" text NOT NULL,
	"wert" integer NOT NULL,
	"quelle" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "statistik_bezugsgroessen_traeger_id_id_pk" PRIMARY KEY("traeger_id","id"),
	CONSTRAINT "statistik_bezugsgroessen_unique" UNIQUE NULLS NOT DISTINCT("traeger_id","art","kommune_id","gueltig_ab_monat"),
	CONSTRAINT "statistik_bezugsgroessen_art_check" CHECK (art in ('zivile_erwerbspersonen', 'bevoelkerung_bis_altersgrenze')),
	CONSTRAINT "statistik_bezugsgroessen_monat_check" CHECK (gueltig_ab_monat ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "statistik_bezugsgroessen_wert_check" CHECK ("statistik_bezugsgroessen"."wert" > 0)
);
--> statement-breakpoint
CREATE TABLE "statistik_bg" (
	"traeger_id" uuid NOT NULL,
	"monat" text NOT NULL,
	"bg_id" uuid NOT NULL,
	"kommune_id" uuid,
	"standort_id" uuid NOT NULL,
	"personen" integer NOT NULL,
	"elb" integer NOT NULL,
	"nef" integer NOT NULL,
	"alleinerziehend" boolean DEFAULT false NOT NULL,
	"leistung_llu_cent" bigint DEFAULT 0 NOT NULL,
	"leistung_luh_cent" bigint DEFAULT 0 NOT NULL,
	"zahlung_llu_cent" bigint DEFAULT 0 NOT NULL,
	"zahlung_luh_cent" bigint DEFAULT 0 NOT NULL,
	"luh_bund_cent" bigint DEFAULT 0 NOT NULL,
	"luh_kommunal_cent" bigint DEFAULT 0 NOT NULL,
	"sofortzuschlag_cent" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "statistik_bg_traeger_id_monat_bg_id_pk" PRIMARY KEY("traeger_id","monat","bg_id")
);
--> statement-breakpoint
CREATE TABLE "statistik_einstellungen" (
	"traeger_id" uuid PRIMARY KEY NOT NULL,
	"stichtag_tag" smallint,
	"land" text,
	"kleinzahl_grenze" smallint DEFAULT 3 NOT NULL,
	"spaltenzuordnung" jsonb,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "statistik_einstellungen_tag_check" CHECK ("statistik_einstellungen"."stichtag_tag" is null or "statistik_einstellungen"."stichtag_tag" between 1 and 28),
	CONSTRAINT "statistik_einstellungen_land_check" CHECK ("statistik_einstellungen"."land" is null or "statistik_einstellungen"."land" in ('BW','BY','BE','BB','HB','HH','HE','MV','NI','NW','RP','SL','SN','ST','SH','TH')),
	CONSTRAINT "statistik_einstellungen_klein_check" CHECK ("statistik_einstellungen"."kleinzahl_grenze" between 0 and 20)
);
--> statement-breakpoint
CREATE TABLE "statistik_personen" (
	"traeger_id" uuid NOT NULL,
	"monat" text NOT NULL,
	"person_id" uuid NOT NULL,
	"bg_id" uuid NOT NULL,
	"gruppe" text NOT NULL,
	"kommune_id" uuid,
	"standort_id" uuid NOT NULL,
	"altersgruppe" text NOT NULL,
	"geschlecht" text,
	"alleinerziehend" boolean DEFAULT false NOT NULL,
	"staatsangehoerigkeit" text NOT NULL,
	"arbeitsmarktstatus" text,
	"elb_von" date,
	"elb_bis" date,
	"elb" boolean DEFAULT false NOT NULL,
	"lzb" boolean DEFAULT false NOT NULL,
	"sv" boolean DEFAULT false NOT NULL,
	"massnahme" boolean DEFAULT false NOT NULL,
	"ereignisse" smallint DEFAULT 0 NOT NULL,
	"integrationsart" text,
	"massnahme_eintritt" boolean DEFAULT false NOT NULL,
	CONSTRAINT "statistik_personen_traeger_id_monat_person_id_pk" PRIMARY KEY("traeger_id","monat","person_id"),
	CONSTRAINT "statistik_personen_gruppe_check" CHECK (gruppe in ('elb', 'nef', 'nicht_leistungsberechtigt')),
	CONSTRAINT "statistik_personen_alter_check" CHECK (altersgruppe in ('u15', 'u25', '25_49', 'ue50')),
	CONSTRAINT "statistik_personen_staat_check" CHECK (staatsangehoerigkeit in ('deutsch', 'eu', 'drittstaat', 'unbekannt')),
	CONSTRAINT "statistik_personen_am_check" CHECK (arbeitsmarktstatus is null or arbeitsmarktstatus in ('arbeitslos', 'arbeitsuchend', 'massnahme', 'erwerbstaetig', 'nicht_verfuegbar')),
	CONSTRAINT "statistik_personen_elb_check" CHECK (("statistik_personen"."elb_von" is null) = ("statistik_personen"."elb_bis" is null) and ("statistik_personen"."elb_von" is null or "statistik_personen"."elb_bis" >= "statistik_personen"."elb_von"))
);
--> statement-breakpoint
CREATE TABLE "statistik_snapshots" (
	"traeger_id" uuid NOT NULL,
	"monat" text NOT NULL,
	"stichtag" date NOT NULL,
	"status" text DEFAULT 'im_aufbau' NOT NULL,
	"fortschritt" text,
	"lauf" integer DEFAULT 1 NOT NULL,
	"begonnen_am" timestamp with time zone DEFAULT now() NOT NULL,
	"gebaut_am" timestamp with time zone,
	"endgueltig_am" timestamp with time zone,
	"protokoll" jsonb,
	CONSTRAINT "statistik_snapshots_traeger_id_monat_pk" PRIMARY KEY("traeger_id","monat"),
	CONSTRAINT "statistik_snapshots_monat_check" CHECK (monat ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "statistik_snapshots_status_check" CHECK (status in ('im_aufbau', 'vorlaeufig', 'endgueltig'))
);
--> statement-breakpoint
CREATE TABLE "statistik_werte" (
	"traeger_id" uuid NOT NULL,
	"monat" text NOT NULL,
	"ebene" text NOT NULL,
	"region" text DEFAULT '' NOT NULL,
	"kennung" text NOT NULL,
	"wert" bigint NOT NULL,
	CONSTRAINT "statistik_werte_traeger_id_monat_ebene_region_kennung_pk" PRIMARY KEY("traeger_id","monat","ebene","region","kennung"),
	CONSTRAINT "statistik_werte_ebene_check" CHECK (ebene in ('traeger', 'kommune', 'standort'))
);
--> statement-breakpoint
CREATE TABLE "vergleich_importe" (
	"traeger_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"dateiname" text NOT NULL,
	"sha256" text NOT NULL,
	"zeilen_gelesen" integer NOT NULL,
	"zeilen_uebernommen" integer NOT NULL,
	"abgelehnt" jsonb NOT NULL,
	"fiktiv" boolean DEFAULT false NOT NULL,
	"importiert_von" uuid NOT NULL,
	"importiert_am" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vergleich_importe_traeger_id_id_pk" PRIMARY KEY("traeger_id","id")
);
--> statement-breakpoint
CREATE TABLE "vergleich_jobcenter" (
	"traeger_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"schluessel" text NOT NULL,
	"name" text NOT NULL,
	"land" text NOT NULL,
	"traeger_typ" text NOT NULL,
	"vergleichstyp" text,
	"gueltig_von" text NOT NULL,
	"gueltig_bis" text,
	"eigener" boolean DEFAULT false NOT NULL,
	"fiktiv" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "vergleich_jobcenter_traeger_id_id_pk" PRIMARY KEY("traeger_id","id"),
	CONSTRAINT "vergleich_jobcenter_unique" UNIQUE("traeger_id","schluessel","gueltig_von"),
	CONSTRAINT "vergleich_jobcenter_typ_check" CHECK ("vergleich_jobcenter"."traeger_typ" in ('gE', 'zkT')),
	CONSTRAINT "vergleich_jobcenter_von_check" CHECK (gueltig_von ~ '^[0-9]{4}-(0[1-9]|1[0-2])$' and (gueltig_bis is null or (gueltig_bis ~ '^[0-9]{4}-(0[1-9]|1[0-2])$' and gueltig_bis >= gueltig_von)))
);
--> statement-breakpoint
CREATE TABLE "vergleich_werte" (
	"traeger_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"import_id" uuid NOT NULL,
	"schluessel" text NOT NULL,
	"monat" text NOT NULL,
	"kennzahl" text NOT NULL,
	"wert" numeric(9, 2),
	"zaehler" numeric(16, 2),
	"nenner" numeric(16, 2),
	"markierung" text,
	CONSTRAINT "vergleich_werte_traeger_id_id_pk" PRIMARY KEY("traeger_id","id"),
	CONSTRAINT "vergleich_werte_unique" UNIQUE("traeger_id","schluessel","monat","kennzahl"),
	CONSTRAINT "vergleich_werte_monat_check" CHECK (monat ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "vergleich_werte_markierung_check" CHECK (markierung is null or markierung in ('imputiert', 'eingeschraenkt', 'fehlend', 'geheim'))
);
--> statement-breakpoint
ALTER TABLE "statistik_bezugsgroessen" ADD CONSTRAINT "statistik_bezugsgroessen_traeger_id_traeger_id_fk" FOREIGN KEY ("traeger_id") REFERENCES "public"."traeger"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statistik_bezugsgroessen" ADD CONSTRAINT "statistik_bezugsgroessen_traeger_id_kommune_id_kommunen_traeger_id_id_fk" FOREIGN KEY ("traeger_id","kommune_id") REFERENCES "public"."kommunen"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statistik_bezugsgroessen" ADD CONSTRAINT "statistik_bezugsgroessen_traeger_id_created_by_users_traeger_id_id_fk" FOREIGN KEY ("traeger_id","created_by") REFERENCES "public"."users"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statistik_einstellungen" ADD CONSTRAINT "statistik_einstellungen_traeger_id_traeger_id_fk" FOREIGN KEY ("traeger_id") REFERENCES "public"."traeger"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statistik_snapshots" ADD CONSTRAINT "statistik_snapshots_traeger_id_traeger_id_fk" FOREIGN KEY ("traeger_id") REFERENCES "public"."traeger"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vergleich_importe" ADD CONSTRAINT "vergleich_importe_traeger_id_traeger_id_fk" FOREIGN KEY ("traeger_id") REFERENCES "public"."traeger"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vergleich_importe" ADD CONSTRAINT "vergleich_importe_traeger_id_importiert_von_users_traeger_id_id_fk" FOREIGN KEY ("traeger_id","importiert_von") REFERENCES "public"."users"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vergleich_jobcenter" ADD CONSTRAINT "vergleich_jobcenter_traeger_id_traeger_id_fk" FOREIGN KEY ("traeger_id") REFERENCES "public"."traeger"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vergleich_werte" ADD CONSTRAINT "vergleich_werte_traeger_id_import_id_vergleich_importe_traeger_id_id_fk" FOREIGN KEY ("traeger_id","import_id") REFERENCES "public"."vergleich_importe"("traeger_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "statistik_personen_person_idx" ON "statistik_personen" USING btree ("traeger_id","person_id","monat");--> statement-breakpoint
CREATE INDEX "statistik_personen_bg_idx" ON "statistik_personen" USING btree ("traeger_id","monat","bg_id");--> statement-breakpoint
CREATE INDEX "vergleich_werte_kennzahl_idx" ON "vergleich_werte" USING btree ("traeger_id","kennzahl","monat");