CREATE TYPE "public"."concern_channel" AS ENUM('web', 'phone', 'letter', 'department_chair', 'external_body');--> statement-breakpoint
ALTER TABLE "concerns" ADD COLUMN "channel" "concern_channel" DEFAULT 'web' NOT NULL;--> statement-breakpoint
ALTER TABLE "concerns" ADD COLUMN "recorded_by_id" uuid;--> statement-breakpoint
ALTER TABLE "concerns" ADD COLUMN "source_name" text;--> statement-breakpoint
ALTER TABLE "concerns" ADD CONSTRAINT "concerns_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concerns" ADD CONSTRAINT "concerns_recorded_off_the_web" CHECK (("concerns"."channel" = 'web') = ("concerns"."recorded_by_id" is null));--> statement-breakpoint
ALTER TABLE "concerns" ADD CONSTRAINT "concerns_source_name_for_recorder" CHECK ("concerns"."source_name" is null or "concerns"."reporter_id" = "concerns"."recorded_by_id");--> statement-breakpoint
ALTER TABLE "concerns" ADD CONSTRAINT "concerns_named_source_has_name" CHECK ("concerns"."reporter_id" is distinct from "concerns"."recorded_by_id" or "concerns"."disclosure" = 'confidential' or "concerns"."source_name" is not null);