ALTER TABLE "person_einkommen" DROP CONSTRAINT "person_einkommen_art_check";--> statement-breakpoint
ALTER TABLE "person_einkommen" DROP CONSTRAINT "person_einkommen_betraege_check";--> statement-breakpoint
ALTER TABLE "person_einkommen" ADD COLUMN "zufluss_datum" date;--> statement-breakpoint
ALTER TABLE "person_einkommen" ADD COLUMN "erbschaft" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "person_einkommen" ADD COLUMN "ferienjob" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "person_merkmale" ADD COLUMN "ausbildung" text;--> statement-breakpoint
ALTER TABLE "person_merkmale" ADD COLUMN "sgb12" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "person_einkommen" ADD CONSTRAINT "person_einkommen_zufluss_check" CHECK (("person_einkommen"."art" = 'einmalig') = ("person_einkommen"."zufluss_datum" is not null));--> statement-breakpoint
ALTER TABLE "person_einkommen" ADD CONSTRAINT "person_einkommen_art_check" CHECK (art in ('erwerbstaetigkeit', 'kindergeld', 'unterhalt', 'unterhaltsvorschuss', 'rente', 'arbeitslosengeld', 'krankengeld', 'elterngeld', 'selbststaendigkeit', 'einmalig', 'sonstiges'));--> statement-breakpoint
ALTER TABLE "person_einkommen" ADD CONSTRAINT "person_einkommen_betraege_check" CHECK (("person_einkommen"."art" in ('erwerbstaetigkeit', 'selbststaendigkeit') and "person_einkommen"."brutto_cent" >= 0 and "person_einkommen"."netto_cent" >= 0 and "person_einkommen"."betrag_cent" is null and coalesce("person_einkommen"."absetzungen_cent", 0) >= 0
          and ("person_einkommen"."art" = 'erwerbstaetigkeit' or "person_einkommen"."netto_cent" <= "person_einkommen"."brutto_cent"))
        or ("person_einkommen"."art" <> 'erwerbstaetigkeit' and "person_einkommen"."betrag_cent" >= 0 and "person_einkommen"."brutto_cent" is null and "person_einkommen"."netto_cent" is null and "person_einkommen"."absetzungen_cent" is null));--> statement-breakpoint
ALTER TABLE "person_merkmale" ADD CONSTRAINT "person_merkmale_ausbildung_check" CHECK ("person_merkmale"."ausbildung" in ('schule', 'ausbildung', 'studium'));