CREATE TABLE "einladungen" (
	"traeger_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"termin_id" uuid NOT NULL,
	"person_id" uuid,
	"bg_id" uuid,
	"zweck" text NOT NULL,
	"thema" text,
	"unterlagen" text[] DEFAULT '{}'::text[] NOT NULL,
	"text" text NOT NULL,
	"status" text DEFAULT 'eingeladen' NOT NULL,
	"begruendung" text,
	"ergebnis_am" timestamp with time zone,
	"ergebnis_von" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "einladungen_traeger_id_id_pk" PRIMARY KEY("traeger_id","id"),
	CONSTRAINT "einladungen_termin_unique" UNIQUE("traeger_id","termin_id"),
	CONSTRAINT "einladungen_status_check" CHECK ("einladungen"."status" in ('eingeladen', 'wahrgenommen', 'nicht_erschienen_mit_wichtigem_grund', 'nicht_erschienen_ohne_wichtigen_grund', 'aufgehoben'))
);
--> statement-breakpoint
CREATE TABLE "termin_abwesenheiten" (
	"traeger_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"ressource_id" uuid NOT NULL,
	"von" timestamp with time zone NOT NULL,
	"bis" timestamp with time zone NOT NULL,
	"grund" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "termin_abwesenheiten_traeger_id_id_pk" PRIMARY KEY("traeger_id","id"),
	CONSTRAINT "termin_abwesenheiten_zeit_check" CHECK ("termin_abwesenheiten"."bis" > "termin_abwesenheiten"."von")
);
--> statement-breakpoint
CREATE TABLE "termin_anliegen" (
	"traeger_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"schluessel" text NOT NULL,
	"name" text NOT NULL,
	"dauer_minuten" integer NOT NULL,
	"puffer_minuten" integer DEFAULT 0 NOT NULL,
	"raster_minuten" integer DEFAULT 15 NOT NULL,
	"kanaele" text[] NOT NULL,
	"rollen" text[] DEFAULT '{}'::text[] NOT NULL,
	"ressource_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"online" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "termin_anliegen_traeger_id_id_pk" PRIMARY KEY("traeger_id","id"),
	CONSTRAINT "termin_anliegen_schluessel_unique" UNIQUE("traeger_id","schluessel"),
	CONSTRAINT "termin_anliegen_dauer_check" CHECK ("termin_anliegen"."dauer_minuten" between 5 and 480 and "termin_anliegen"."puffer_minuten" between 0 and 240 and "termin_anliegen"."raster_minuten" between 5 and 480),
	CONSTRAINT "termin_anliegen_kanaele_check" CHECK (cardinality("termin_anliegen"."kanaele") > 0 and "termin_anliegen"."kanaele" <@ array['vor_ort','telefon','video']::text[])
);
--> statement-breakpoint
CREATE TABLE "termin_ausnahmen" (
	"traeger_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"ressource_id" uuid NOT NULL,
	"art" text NOT NULL,
	"datum" date NOT NULL,
	"von" text,
	"bis" text,
	"kanaele" text[],
	"grund" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "termin_ausnahmen_traeger_id_id_pk" PRIMARY KEY("traeger_id","id"),
	CONSTRAINT "termin_ausnahmen_art_check" CHECK ("termin_ausnahmen"."art" in ('zusaetzlich', 'geschlossen')),
	CONSTRAINT "termin_ausnahmen_zeit_check" CHECK (("termin_ausnahmen"."von" is null) = ("termin_ausnahmen"."bis" is null) and ("termin_ausnahmen"."art" = 'geschlossen' or "termin_ausnahmen"."von" is not null)),
	CONSTRAINT "termin_ausnahmen_kanaele_check" CHECK ("termin_ausnahmen"."kanaele" <@ array['vor_ort','telefon','video']::text[])
);
--> statement-breakpoint
CREATE TABLE "termin_bestaetigungen" (
	"traeger_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"anliegen_id" uuid NOT NULL,
	"kanal" text NOT NULL,
	"standort_id" uuid,
	"beginn" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"termin_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "termin_bestaetigungen_traeger_id_id_pk" PRIMARY KEY("traeger_id","id"),
	CONSTRAINT "termin_bestaetigungen_token_unique" UNIQUE("token_hash"),
	CONSTRAINT "termin_bestaetigungen_kanal_check" CHECK ("termin_bestaetigungen"."kanal" in ('vor_ort', 'telefon', 'video'))
);
--> statement-breakpoint
CREATE TABLE "termin_ressourcen" (
	"traeger_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"standort_id" uuid NOT NULL,
	"art" text DEFAULT 'person' NOT NULL,
	"name" text NOT NULL,
	"user_id" uuid,
	"rollen" text[] DEFAULT '{}'::text[] NOT NULL,
	"team" text,
	"aktiv" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "termin_ressourcen_traeger_id_id_pk" PRIMARY KEY("traeger_id","id"),
	CONSTRAINT "termin_ressourcen_art_check" CHECK ("termin_ressourcen"."art" in ('person', 'team'))
);
--> statement-breakpoint
CREATE TABLE "termin_sprechzeiten" (
	"traeger_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"ressource_id" uuid NOT NULL,
	"wochentag" smallint NOT NULL,
	"von" text NOT NULL,
	"bis" text NOT NULL,
	"gueltig_ab" date,
	"gueltig_bis" date,
	"kanaele" text[],
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "termin_sprechzeiten_traeger_id_id_pk" PRIMARY KEY("traeger_id","id"),
	CONSTRAINT "termin_sprechzeiten_wochentag_check" CHECK ("termin_sprechzeiten"."wochentag" between 1 and 7),
	CONSTRAINT "termin_sprechzeiten_zeit_check" CHECK ("termin_sprechzeiten"."von" ~ '^\d\d:\d\d$' and "termin_sprechzeiten"."bis" ~ '^\d\d:\d\d$' and "termin_sprechzeiten"."von" < "termin_sprechzeiten"."bis"),
	CONSTRAINT "termin_sprechzeiten_gueltig_check" CHECK ("termin_sprechzeiten"."gueltig_bis" is null or "termin_sprechzeiten"."gueltig_ab" is null or "termin_sprechzeiten"."gueltig_bis" >= "termin_sprechzeiten"."gueltig_ab"),
	CONSTRAINT "termin_sprechzeiten_kanaele_check" CHECK ("termin_sprechzeiten"."kanaele" <@ array['vor_ort','telefon','video']::text[])
);
--> statement-breakpoint
CREATE TABLE "termine" (
	"traeger_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"ressource_id" uuid NOT NULL,
	"anliegen_id" uuid NOT NULL,
	"standort_id" uuid NOT NULL,
	"kanal" text NOT NULL,
	"art" text DEFAULT 'buchung' NOT NULL,
	"beginn" timestamp with time zone NOT NULL,
	"ende" timestamp with time zone NOT NULL,
	"blockiert_bis" timestamp with time zone NOT NULL,
	"buerger_user_id" uuid,
	"email" text,
	"name" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'gebucht' NOT NULL,
	"sequenz" integer DEFAULT 0 NOT NULL,
	"video_raum_id" text,
	"verwaltung_token_hash" text,
	"checkin_token_hash" text,
	"eingecheckt_am" timestamp with time zone,
	"erinnerung_gesendet_am" timestamp with time zone,
	"abgesagt_am" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "termine_traeger_id_id_pk" PRIMARY KEY("traeger_id","id"),
	CONSTRAINT "termine_kanal_check" CHECK ("termine"."kanal" in ('vor_ort', 'telefon', 'video')),
	CONSTRAINT "termine_art_check" CHECK ("termine"."art" in ('buchung', 'einladung')),
	CONSTRAINT "termine_status_check" CHECK ("termine"."status" in ('gebucht', 'abgesagt', 'wahrgenommen', 'nicht_erschienen')),
	CONSTRAINT "termine_zeit_check" CHECK ("termine"."ende" > "termine"."beginn" and "termine"."blockiert_bis" >= "termine"."ende"),
	CONSTRAINT "termine_person_check" CHECK ("termine"."buerger_user_id" is not null or "termine"."email" is not null)
);
--> statement-breakpoint
CREATE TABLE "warteliste_angebote" (
	"traeger_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"eintrag_id" uuid NOT NULL,
	"ressource_id" uuid NOT NULL,
	"standort_id" uuid NOT NULL,
	"anliegen_id" uuid NOT NULL,
	"kanal" text NOT NULL,
	"beginn" timestamp with time zone NOT NULL,
	"ende" timestamp with time zone NOT NULL,
	"token_hash" text NOT NULL,
	"gueltig_bis" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'offen' NOT NULL,
	"beantwortet_am" timestamp with time zone,
	"termin_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "warteliste_angebote_traeger_id_id_pk" PRIMARY KEY("traeger_id","id"),
	CONSTRAINT "warteliste_angebote_token_unique" UNIQUE("token_hash"),
	CONSTRAINT "warteliste_angebote_status_check" CHECK ("warteliste_angebote"."status" in ('offen', 'angenommen', 'abgelehnt', 'verfallen', 'zurueckgezogen')),
	CONSTRAINT "warteliste_angebote_kanal_check" CHECK ("warteliste_angebote"."kanal" in ('vor_ort', 'telefon', 'video'))
);
--> statement-breakpoint
CREATE TABLE "warteliste_eintraege" (
	"traeger_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"anliegen_id" uuid NOT NULL,
	"kanaele" text[] NOT NULL,
	"standort_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"wochentage" smallint[] DEFAULT '{}'::smallint[] NOT NULL,
	"buerger_user_id" uuid,
	"email" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'wartend' NOT NULL,
	"verfallen" integer DEFAULT 0 NOT NULL,
	"eingetragen_am" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "warteliste_eintraege_traeger_id_id_pk" PRIMARY KEY("traeger_id","id"),
	CONSTRAINT "warteliste_eintraege_status_check" CHECK ("warteliste_eintraege"."status" in ('wartend', 'versorgt', 'pausiert', 'zurueckgezogen')),
	CONSTRAINT "warteliste_eintraege_kanaele_check" CHECK ("warteliste_eintraege"."kanaele" <@ array['vor_ort','telefon','video']::text[])
);
--> statement-breakpoint
ALTER TABLE "einladungen" ADD CONSTRAINT "einladungen_traeger_id_termin_id_termine_traeger_id_id_fk" FOREIGN KEY ("traeger_id","termin_id") REFERENCES "public"."termine"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "einladungen" ADD CONSTRAINT "einladungen_traeger_id_person_id_personen_traeger_id_id_fk" FOREIGN KEY ("traeger_id","person_id") REFERENCES "public"."personen"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "einladungen" ADD CONSTRAINT "einladungen_traeger_id_bg_id_bedarfsgemeinschaften_traeger_id_id_fk" FOREIGN KEY ("traeger_id","bg_id") REFERENCES "public"."bedarfsgemeinschaften"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "termin_abwesenheiten" ADD CONSTRAINT "termin_abwesenheiten_traeger_id_ressource_id_termin_ressourcen_traeger_id_id_fk" FOREIGN KEY ("traeger_id","ressource_id") REFERENCES "public"."termin_ressourcen"("traeger_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "termin_ausnahmen" ADD CONSTRAINT "termin_ausnahmen_traeger_id_ressource_id_termin_ressourcen_traeger_id_id_fk" FOREIGN KEY ("traeger_id","ressource_id") REFERENCES "public"."termin_ressourcen"("traeger_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "termin_bestaetigungen" ADD CONSTRAINT "termin_bestaetigungen_traeger_id_anliegen_id_termin_anliegen_traeger_id_id_fk" FOREIGN KEY ("traeger_id","anliegen_id") REFERENCES "public"."termin_anliegen"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "termin_ressourcen" ADD CONSTRAINT "termin_ressourcen_traeger_id_standort_id_standorte_traeger_id_id_fk" FOREIGN KEY ("traeger_id","standort_id") REFERENCES "public"."standorte"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "termin_ressourcen" ADD CONSTRAINT "termin_ressourcen_traeger_id_user_id_users_traeger_id_id_fk" FOREIGN KEY ("traeger_id","user_id") REFERENCES "public"."users"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "termin_sprechzeiten" ADD CONSTRAINT "termin_sprechzeiten_traeger_id_ressource_id_termin_ressourcen_traeger_id_id_fk" FOREIGN KEY ("traeger_id","ressource_id") REFERENCES "public"."termin_ressourcen"("traeger_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "termine" ADD CONSTRAINT "termine_traeger_id_ressource_id_termin_ressourcen_traeger_id_id_fk" FOREIGN KEY ("traeger_id","ressource_id") REFERENCES "public"."termin_ressourcen"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "termine" ADD CONSTRAINT "termine_traeger_id_anliegen_id_termin_anliegen_traeger_id_id_fk" FOREIGN KEY ("traeger_id","anliegen_id") REFERENCES "public"."termin_anliegen"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "termine" ADD CONSTRAINT "termine_traeger_id_standort_id_standorte_traeger_id_id_fk" FOREIGN KEY ("traeger_id","standort_id") REFERENCES "public"."standorte"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "termine" ADD CONSTRAINT "termine_traeger_id_buerger_user_id_users_traeger_id_id_fk" FOREIGN KEY ("traeger_id","buerger_user_id") REFERENCES "public"."users"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warteliste_angebote" ADD CONSTRAINT "warteliste_angebote_traeger_id_eintrag_id_warteliste_eintraege_traeger_id_id_fk" FOREIGN KEY ("traeger_id","eintrag_id") REFERENCES "public"."warteliste_eintraege"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warteliste_angebote" ADD CONSTRAINT "warteliste_angebote_traeger_id_ressource_id_termin_ressourcen_traeger_id_id_fk" FOREIGN KEY ("traeger_id","ressource_id") REFERENCES "public"."termin_ressourcen"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warteliste_eintraege" ADD CONSTRAINT "warteliste_eintraege_traeger_id_anliegen_id_termin_anliegen_traeger_id_id_fk" FOREIGN KEY ("traeger_id","anliegen_id") REFERENCES "public"."termin_anliegen"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warteliste_eintraege" ADD CONSTRAINT "warteliste_eintraege_traeger_id_buerger_user_id_users_traeger_id_id_fk" FOREIGN KEY ("traeger_id","buerger_user_id") REFERENCES "public"."users"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "termin_ausnahmen_ressource_idx" ON "termin_ausnahmen" USING btree ("traeger_id","ressource_id","datum");--> statement-breakpoint
CREATE INDEX "termin_ressourcen_standort_idx" ON "termin_ressourcen" USING btree ("traeger_id","standort_id");--> statement-breakpoint
CREATE INDEX "termin_sprechzeiten_ressource_idx" ON "termin_sprechzeiten" USING btree ("traeger_id","ressource_id");--> statement-breakpoint
CREATE INDEX "termine_ressource_idx" ON "termine" USING btree ("traeger_id","ressource_id","beginn");--> statement-breakpoint
CREATE INDEX "termine_standort_idx" ON "termine" USING btree ("traeger_id","standort_id","beginn");--> statement-breakpoint
CREATE INDEX "termine_buerger_idx" ON "termine" USING btree ("traeger_id","buerger_user_id");--> statement-breakpoint
CREATE INDEX "warteliste_eintraege_anliegen_idx" ON "warteliste_eintraege" USING btree ("traeger_id","anliegen_id","status","eingetragen_am");