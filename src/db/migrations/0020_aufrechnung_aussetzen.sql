ALTER TABLE "aufrechnungen" DROP CONSTRAINT "aufrechnungen_status_check";--> statement-breakpoint
ALTER TABLE "aufrechnungen" ADD COLUMN "anhoerung_am" date;--> statement-breakpoint
ALTER TABLE "aufrechnungen" ADD COLUMN "anhoerung_ausnahme" text;--> statement-breakpoint
ALTER TABLE "erstattungsforderungen" ADD COLUMN "aufrechnung_tatbestand" text;--> statement-breakpoint
ALTER TABLE "aufrechnungen" ADD CONSTRAINT "aufrechnungen_status_check" CHECK ("aufrechnungen"."status" in ('laufend', 'ausgesetzt', 'beendet'));--> statement-breakpoint
ALTER TABLE "erstattungsforderungen" ADD CONSTRAINT "erstattungsforderungen_aufrechnung_tatbestand_check" CHECK ("erstattungsforderungen"."aufrechnung_tatbestand" is null or "erstattungsforderungen"."aufrechnung_tatbestand" in ('vorlaeufig', 'einkommen', 'sonstige'));