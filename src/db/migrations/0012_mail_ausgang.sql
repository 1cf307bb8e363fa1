CREATE TABLE "mail_ausgang" (
	"traeger_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"empfaenger" text NOT NULL,
	"betreff" text NOT NULL,
	"text" text NOT NULL,
	"html" text,
	"anhaenge" jsonb,
	"anlass" text NOT NULL,
	"versuche" integer DEFAULT 0 NOT NULL,
	"naechster_versuch" timestamp with time zone DEFAULT now() NOT NULL,
	"fehler_code" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mail_ausgang_traeger_id_id_pk" PRIMARY KEY("traeger_id","id"),
	CONSTRAINT "mail_ausgang_versuche_check" CHECK ("mail_ausgang"."versuche" >= 0)
);
--> statement-breakpoint
ALTER TABLE "mail_ausgang" ADD CONSTRAINT "mail_ausgang_traeger_id_traeger_id_fk" FOREIGN KEY ("traeger_id") REFERENCES "public"."traeger"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mail_ausgang_faellig_idx" ON "mail_ausgang" USING btree ("naechster_versuch");