ALTER TABLE "organisation_settings" ADD COLUMN "support_programme_name" text;--> statement-breakpoint
ALTER TABLE "organisation_settings" ADD COLUMN "support_programme_url" text;--> statement-breakpoint
ALTER TABLE "organisation_settings" ADD COLUMN "support_programme_phone" text;