-- The outbox keeps mails only encrypted (they carry one-time links) and with an expiry. The table came in the same
-- release (0012); mails written in plain text before are dropped, not converted.
DELETE FROM "mail_ausgang";--> statement-breakpoint
ALTER TABLE "mail_ausgang" ADD COLUMN "inhalt" text NOT NULL;--> statement-breakpoint
ALTER TABLE "mail_ausgang" ADD COLUMN "verfaellt_am" timestamp with time zone NOT NULL;--> statement-breakpoint
ALTER TABLE "mail_ausgang" DROP COLUMN "empfaenger";--> statement-breakpoint
ALTER TABLE "mail_ausgang" DROP COLUMN "betreff";--> statement-breakpoint
ALTER TABLE "mail_ausgang" DROP COLUMN "text";--> statement-breakpoint
ALTER TABLE "mail_ausgang" DROP COLUMN "html";--> statement-breakpoint
ALTER TABLE "mail_ausgang" DROP COLUMN "anhaenge";