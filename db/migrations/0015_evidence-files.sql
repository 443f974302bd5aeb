CREATE TABLE "evidence_blobs" (
	"key" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"bytes" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evidence_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"concern_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evidence_files_sha256_hex" CHECK ("evidence_files"."sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "evidence_files_positive_size" CHECK ("evidence_files"."byte_size" > 0)
);
--> statement-breakpoint
ALTER TABLE "organisation_settings" ADD COLUMN "evidence_file_limit" integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "organisation_settings" ADD COLUMN "evidence_megabytes_per_file" integer DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_concern_id_concerns_id_fk" FOREIGN KEY ("concern_id") REFERENCES "public"."concerns"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evidence_files_concern_idx" ON "evidence_files" USING btree ("concern_id");--> statement-breakpoint
CREATE UNIQUE INDEX "evidence_files_position_key" ON "evidence_files" USING btree ("concern_id","position");--> statement-breakpoint
ALTER TABLE "organisation_settings" ADD CONSTRAINT "organisation_settings_evidence_limits" CHECK ("organisation_settings"."evidence_file_limit" between 0 and 3 and "organisation_settings"."evidence_megabytes_per_file" between 1 and 5);