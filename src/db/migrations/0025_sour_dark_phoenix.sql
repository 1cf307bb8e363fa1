ALTER TABLE "kooperationsplaene" ADD COLUMN "kommentare" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
-- an earlier comment or Schlichtung reason (stored in reaktion_text) becomes the first entry of the history
UPDATE "kooperationsplaene" SET "kommentare" = jsonb_build_array(jsonb_build_object('am', to_char("reaktion_am" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'art', CASE WHEN "reaktion" = 'schlichtung' THEN 'schlichtung' ELSE 'kommentar' END, 'text', "reaktion_text")) WHERE "reaktion_text" IS NOT NULL AND "reaktion_am" IS NOT NULL;
