CREATE TABLE "kommunen" (
	"traeger_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"ags" text,
	"aktiv" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "kommunen_traeger_id_id_pk" PRIMARY KEY("traeger_id","id"),
	CONSTRAINT "kommunen_name_unique" UNIQUE("traeger_id","name"),
	CONSTRAINT "kommunen_ags_check" CHECK ("kommunen"."ags" is null or "kommunen"."ags" ~ '^[0-9]{8}$')
);
--> statement-breakpoint
CREATE TABLE "oidc_provider" (
	"traeger_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"label" text NOT NULL,
	"issuer" text NOT NULL,
	"client_id" text NOT NULL,
	"client_secret_enc" text NOT NULL,
	"aktiv" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "oidc_provider_traeger_id_id_pk" PRIMARY KEY("traeger_id","id")
);
--> statement-breakpoint
CREATE TABLE "standorte" (
	"traeger_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kommune_id" uuid NOT NULL,
	"name" text NOT NULL,
	"strasse" text NOT NULL,
	"plz" text NOT NULL,
	"ort" text NOT NULL,
	"telefon" text,
	"email" text,
	"oeffnungszeiten" text DEFAULT '' NOT NULL,
	"aktiv" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "standorte_traeger_id_id_pk" PRIMARY KEY("traeger_id","id"),
	CONSTRAINT "standorte_name_unique" UNIQUE("traeger_id","name"),
	CONSTRAINT "standorte_plz_check" CHECK ("standorte"."plz" ~ '^[0-9]{5}$')
);
--> statement-breakpoint
CREATE TABLE "traeger" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"art" text NOT NULL,
	"jobcenter_name" text NOT NULL,
	"anschrift" text DEFAULT '' NOT NULL,
	"totp_pflicht" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "traeger_slug_unique" UNIQUE("slug"),
	CONSTRAINT "traeger_art_check" CHECK ("traeger"."art" in ('kreis', 'kreisfreie_stadt'))
);
--> statement-breakpoint
CREATE TABLE "auth_tokens" (
	"traeger_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"zweck" text NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "auth_tokens_traeger_id_id_pk" PRIMARY KEY("traeger_id","id"),
	CONSTRAINT "auth_tokens_zweck_check" CHECK ("auth_tokens"."zweck" in ('email_bestaetigung', 'passwort_zuruecksetzen'))
);
--> statement-breakpoint
CREATE TABLE "login_throttle" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"window_started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"traeger_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"second_factor_pending" boolean DEFAULT false NOT NULL,
	"totp_setup_required" boolean DEFAULT false NOT NULL,
	"methode" text DEFAULT 'passwort' NOT NULL,
	CONSTRAINT "sessions_traeger_id_id_pk" PRIMARY KEY("traeger_id","id")
);
--> statement-breakpoint
CREATE TABLE "user_standorte" (
	"traeger_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"standort_id" uuid NOT NULL,
	CONSTRAINT "user_standorte_traeger_id_user_id_standort_id_pk" PRIMARY KEY("traeger_id","user_id","standort_id")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"traeger_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"art" text NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text,
	"email_verified_at" timestamp with time zone,
	"aktiv" boolean DEFAULT true NOT NULL,
	"roles" text[] DEFAULT '{}'::text[] NOT NULL,
	"totp_secret_enc" text,
	"totp_enabled_at" timestamp with time zone,
	"totp_last_step" integer,
	"oidc_issuer" text,
	"oidc_subject" text,
	"sprache" text DEFAULT 'de' NOT NULL,
	"last_login_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "users_traeger_id_id_pk" PRIMARY KEY("traeger_id","id"),
	CONSTRAINT "users_oidc_unique" UNIQUE("traeger_id","oidc_issuer","oidc_subject"),
	CONSTRAINT "users_art_check" CHECK ("users"."art" in ('staff', 'buerger')),
	CONSTRAINT "users_roles_check" CHECK ("users"."roles" <@ array['leistung','integration','teamleitung','controlling','admin','buerger']::text[]),
	CONSTRAINT "users_sprache_check" CHECK ("users"."sprache" in ('de','en','uk','ar','tr'))
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"traeger_id" uuid NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid,
	"actor_role" text NOT NULL,
	"object_type" text NOT NULL,
	"object_id" text,
	"person_id" uuid,
	"action" text NOT NULL,
	"purpose" text NOT NULL,
	"request_id" text,
	"details" jsonb,
	CONSTRAINT "audit_log_traeger_id_id_pk" PRIMARY KEY("traeger_id","id")
);
--> statement-breakpoint
ALTER TABLE "kommunen" ADD CONSTRAINT "kommunen_traeger_id_traeger_id_fk" FOREIGN KEY ("traeger_id") REFERENCES "public"."traeger"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oidc_provider" ADD CONSTRAINT "oidc_provider_traeger_id_traeger_id_fk" FOREIGN KEY ("traeger_id") REFERENCES "public"."traeger"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "standorte" ADD CONSTRAINT "standorte_traeger_id_kommune_id_kommunen_traeger_id_id_fk" FOREIGN KEY ("traeger_id","kommune_id") REFERENCES "public"."kommunen"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auth_tokens" ADD CONSTRAINT "auth_tokens_traeger_id_user_id_users_traeger_id_id_fk" FOREIGN KEY ("traeger_id","user_id") REFERENCES "public"."users"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_traeger_id_user_id_users_traeger_id_id_fk" FOREIGN KEY ("traeger_id","user_id") REFERENCES "public"."users"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_standorte" ADD CONSTRAINT "user_standorte_traeger_id_user_id_users_traeger_id_id_fk" FOREIGN KEY ("traeger_id","user_id") REFERENCES "public"."users"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_standorte" ADD CONSTRAINT "user_standorte_traeger_id_standort_id_standorte_traeger_id_id_fk" FOREIGN KEY ("traeger_id","standort_id") REFERENCES "public"."standorte"("traeger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_traeger_id_traeger_id_fk" FOREIGN KEY ("traeger_id") REFERENCES "public"."traeger"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "auth_tokens_hash_unique" ON "auth_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "sessions_token_hash_unique" ON "sessions" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("traeger_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_traeger_unique" ON "users" USING btree ("traeger_id",lower("email"));--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("traeger_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("traeger_id","actor_user_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_person_idx" ON "audit_log" USING btree ("traeger_id","person_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_object_idx" ON "audit_log" USING btree ("traeger_id","object_type","object_id");