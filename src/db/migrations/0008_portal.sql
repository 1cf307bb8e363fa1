CREATE TABLE "antrag_entwuerfe" (
	"traeger_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"buerger_id" uuid NOT NULL,
	"flow_id" text NOT NULL,
	"art" text NOT NULL,
	"bg_id" uuid,
	"daten_enc" text NOT NULL,
	"aktueller_schritt" text,
	"antragsdatum" date,
	"status" text DEFAULT 'offen' NOT NULL,
	"einreichungs_schluessel" text,
	"antrag_id" uuid,
	"eingereicht_am" timestamp with time zone,
	"erinnerung_gesendet_am" timestamp with time zone,
	"standort_id" uuid,
	"zuletzt_von" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "antrag_entwuerfe_traeger_id_id_pk" PRIMARY KEY("traeger_id","id"),
	CONSTRAINT "antrag_entwuerfe_schluessel_unique" UNIQUE("traeger_id","einreichungs_schluessel"),
	CONSTRAINT "antrag_entwuerfe_antrag_unique" UNIQUE("traeger_id","antrag_id"),
	CONSTRAINT "antrag_entwuerfe_status_check" CHECK ("antrag_entwuerfe"."status" in ('offen', 'eingereicht', 'verworfen')),
	CONSTRAINT "antrag_entwuerfe_art_check" CHECK ("antrag_entwuerfe"."art" in ('erstantrag', 'weiterbewilligung', 'veraenderung'))
);
--> statement-breakpoint
CREATE TABLE "bevollmaechtigungen" (
	"traeger_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"vollmachtgeber_id" uuid NOT NULL,
	"bevollmaechtigter_id" uuid NOT NULL,
	"umfang" text NOT NULL,
	"gueltig_bis" date,
	"widerrufen_am" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bevollmaechtigungen_traeger_id_id_pk" PRIMARY KEY("traeger_id","id"),
	CONSTRAINT "bevollmaechtigungen_umfang_check" CHECK ("bevollmaechtigungen"."umfang" in ('lesen', 'handeln')),
	CONSTRAINT "bevollmaechtigungen_selbst_check" CHECK ("bevollmaechtigungen"."vollmachtgeber_id" <> "bevollmaechtigungen"."bevollmaechtigter_id")
);
--> statement-breakpoint
CREATE TABLE "portal_dateien" (
	"traeger_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"buerger_id" uuid NOT NULL,
	"entwurf_id" uuid,
	"antrag_id" uuid,
	"bg_id" uuid,
	"nachricht_id" uuid,
	"nachweis" text,
	"dateiname" text NOT NULL,
	"mime" text NOT NULL,
	"groesse" integer NOT NULL,
	"sha256" text NOT NULL,
	"inhalt" "bytea" NOT NULL,
	"status" text NOT NULL,
	"scan_ergebnis" text,
	"gescannt_am" timestamp with time zone,
	"fall_dokument_id" uuid,
	"hochgeladen_von" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "portal_dateien_traeger_id_id_pk" PRIMARY KEY("traeger_id","id"),
	CONSTRAINT "portal_dateien_status_check" CHECK ("portal_dateien"."status" in ('quarantaene', 'sauber', 'abgelehnt')),
	CONSTRAINT "portal_dateien_sha_check" CHECK ("portal_dateien"."sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "portal_dateien_groesse_check" CHECK ("portal_dateien"."groesse" >= 0)
);
--> statement-breakpoint
CREATE TABLE "postfach_nachrichten" (
	"traeger_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"buerger_id" uuid NOT NULL,
	"bg_id" uuid,
	"antrag_id" uuid,
	"richtung" text NOT NULL,
	"art" text DEFAULT 'nachricht' NOT NULL,
	"betreff" text NOT NULL,
	"text" text NOT NULL,
	"absender_id" uuid,
	"absender_name" text NOT NULL,
	"gelesen_am" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "postfach_nachrichten_traeger_id_id_pk" PRIMARY KEY("traeger_id","id"),
	CONSTRAINT "postfach_nachrichten_richtung_check" CHECK ("postfach_nachrichten"."richtung" in ('an_jobcenter', 'an_buerger')),
	CONSTRAINT "postfach_nachrichten_art_check" CHECK ("postfach_nachrichten"."art" in ('nachricht', 'eingangsbestaetigung', 'bescheid'))
);
--> statement-breakpoint
CREATE TABLE "zustellungswuensche" (
	"traeger_id" uuid NOT NULL,
	"buerger_id" uuid NOT NULL,
	"online" boolean DEFAULT false NOT NULL,
	"geaendert_von" uuid,
	"geaendert_am" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "zustellungswuensche_traeger_id_buerger_id_pk" PRIMARY KEY("traeger_id","buerger_id")
);
--> statement-breakpoint
ALTER TABLE "antrag_entwuerfe" ADD CONSTRAINT "antrag_entwuerfe_traeger_id_buerger_id_users_traeger_id_id_fk" FOREIGN KEY ("traeger_id","buerger_id") REFERENCES "public"."users"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "antrag_entwuerfe" ADD CONSTRAINT "antrag_entwuerfe_traeger_id_bg_id_bedarfsgemeinschaften_traeger_id_id_fk" FOREIGN KEY ("traeger_id","bg_id") REFERENCES "public"."bedarfsgemeinschaften"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "antrag_entwuerfe" ADD CONSTRAINT "antrag_entwuerfe_traeger_id_antrag_id_antraege_traeger_id_id_fk" FOREIGN KEY ("traeger_id","antrag_id") REFERENCES "public"."antraege"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "antrag_entwuerfe" ADD CONSTRAINT "antrag_entwuerfe_traeger_id_standort_id_standorte_traeger_id_id_fk" FOREIGN KEY ("traeger_id","standort_id") REFERENCES "public"."standorte"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bevollmaechtigungen" ADD CONSTRAINT "bevollmaechtigungen_traeger_id_vollmachtgeber_id_users_traeger_id_id_fk" FOREIGN KEY ("traeger_id","vollmachtgeber_id") REFERENCES "public"."users"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bevollmaechtigungen" ADD CONSTRAINT "bevollmaechtigungen_traeger_id_bevollmaechtigter_id_users_traeger_id_id_fk" FOREIGN KEY ("traeger_id","bevollmaechtigter_id") REFERENCES "public"."users"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_dateien" ADD CONSTRAINT "portal_dateien_traeger_id_buerger_id_users_traeger_id_id_fk" FOREIGN KEY ("traeger_id","buerger_id") REFERENCES "public"."users"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_dateien" ADD CONSTRAINT "portal_dateien_traeger_id_entwurf_id_antrag_entwuerfe_traeger_id_id_fk" FOREIGN KEY ("traeger_id","entwurf_id") REFERENCES "public"."antrag_entwuerfe"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_dateien" ADD CONSTRAINT "portal_dateien_traeger_id_antrag_id_antraege_traeger_id_id_fk" FOREIGN KEY ("traeger_id","antrag_id") REFERENCES "public"."antraege"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_dateien" ADD CONSTRAINT "portal_dateien_traeger_id_fall_dokument_id_fall_dokumente_traeger_id_id_fk" FOREIGN KEY ("traeger_id","fall_dokument_id") REFERENCES "public"."fall_dokumente"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postfach_nachrichten" ADD CONSTRAINT "postfach_nachrichten_traeger_id_buerger_id_users_traeger_id_id_fk" FOREIGN KEY ("traeger_id","buerger_id") REFERENCES "public"."users"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postfach_nachrichten" ADD CONSTRAINT "postfach_nachrichten_traeger_id_bg_id_bedarfsgemeinschaften_traeger_id_id_fk" FOREIGN KEY ("traeger_id","bg_id") REFERENCES "public"."bedarfsgemeinschaften"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zustellungswuensche" ADD CONSTRAINT "zustellungswuensche_traeger_id_traeger_id_fk" FOREIGN KEY ("traeger_id") REFERENCES "public"."traeger"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zustellungswuensche" ADD CONSTRAINT "zustellungswuensche_traeger_id_buerger_id_users_traeger_id_id_fk" FOREIGN KEY ("traeger_id","buerger_id") REFERENCES "public"."users"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "antrag_entwuerfe_buerger_idx" ON "antrag_entwuerfe" USING btree ("traeger_id","buerger_id","status");--> statement-breakpoint
CREATE INDEX "antrag_entwuerfe_offen_idx" ON "antrag_entwuerfe" USING btree ("traeger_id","status","updated_at");--> statement-breakpoint
CREATE INDEX "bevollmaechtigungen_geber_idx" ON "bevollmaechtigungen" USING btree ("traeger_id","vollmachtgeber_id");--> statement-breakpoint
CREATE INDEX "bevollmaechtigungen_bevollmaechtigter_idx" ON "bevollmaechtigungen" USING btree ("traeger_id","bevollmaechtigter_id");--> statement-breakpoint
CREATE INDEX "portal_dateien_buerger_idx" ON "portal_dateien" USING btree ("traeger_id","buerger_id");--> statement-breakpoint
CREATE INDEX "portal_dateien_entwurf_idx" ON "portal_dateien" USING btree ("traeger_id","entwurf_id");--> statement-breakpoint
CREATE INDEX "portal_dateien_quarantaene_idx" ON "portal_dateien" USING btree ("traeger_id","status");--> statement-breakpoint
CREATE INDEX "postfach_nachrichten_buerger_idx" ON "postfach_nachrichten" USING btree ("traeger_id","buerger_id","created_at");--> statement-breakpoint
CREATE INDEX "postfach_nachrichten_bg_idx" ON "postfach_nachrichten" USING btree ("traeger_id","bg_id","created_at");