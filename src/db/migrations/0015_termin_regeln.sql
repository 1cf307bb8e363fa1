CREATE TABLE "termin_regeln" (
	"traeger_id" uuid PRIMARY KEY NOT NULL,
	"vorlauf_minuten" integer DEFAULT 120 NOT NULL,
	"horizont_tage" integer DEFAULT 42 NOT NULL,
	"verschieben_bis_stunden" integer DEFAULT 24 NOT NULL,
	"absagen_bis_stunden" integer DEFAULT 24 NOT NULL,
	"erinnerung_vor_stunden" integer DEFAULT 24 NOT NULL,
	"video_offen_vor_minuten" integer DEFAULT 15 NOT NULL,
	"video_offen_nach_minuten" integer DEFAULT 60 NOT NULL,
	"checkin_vor_minuten" integer DEFAULT 30 NOT NULL,
	"checkin_nach_minuten" integer DEFAULT 15 NOT NULL,
	"angebot_gueltig_minuten" integer DEFAULT 720 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "termin_regeln_werte_check" CHECK (least("termin_regeln"."vorlauf_minuten", "termin_regeln"."verschieben_bis_stunden", "termin_regeln"."absagen_bis_stunden", "termin_regeln"."video_offen_vor_minuten", "termin_regeln"."checkin_vor_minuten", "termin_regeln"."checkin_nach_minuten") >= 0 and least("termin_regeln"."horizont_tage", "termin_regeln"."erinnerung_vor_stunden", "termin_regeln"."video_offen_nach_minuten", "termin_regeln"."angebot_gueltig_minuten") > 0)
);
--> statement-breakpoint
ALTER TABLE "termin_regeln" ADD CONSTRAINT "termin_regeln_traeger_id_traeger_id_fk" FOREIGN KEY ("traeger_id") REFERENCES "public"."traeger"("id") ON DELETE no action ON UPDATE no action;