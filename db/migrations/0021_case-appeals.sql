CREATE TABLE "case_appeals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"concern_id" uuid NOT NULL,
	"decision_closed_at" timestamp with time zone NOT NULL,
	"decided_by_id" uuid,
	"appealed_outcome" "case_outcome" NOT NULL,
	"filed_by_id" uuid NOT NULL,
	"explanation" text NOT NULL,
	"filed_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'filed' NOT NULL,
	"taken_by_id" uuid,
	"taken_at" timestamp with time zone,
	"resulting_outcome" "case_outcome",
	"rationale" text,
	"party_summary" text,
	"decided_at" timestamp with time zone,
	CONSTRAINT "case_appeals_status" CHECK ("case_appeals"."status" in ('filed', 'taken', 'upheld', 'dismissed')),
	CONSTRAINT "case_appeals_taken_complete" CHECK (("case_appeals"."status" = 'filed') = ("case_appeals"."taken_by_id" is null) and ("case_appeals"."taken_by_id" is null) = ("case_appeals"."taken_at" is null)),
	CONSTRAINT "case_appeals_decided_complete" CHECK (("case_appeals"."status" in ('upheld', 'dismissed')) = ("case_appeals"."decided_at" is not null) and ("case_appeals"."decided_at" is null) = ("case_appeals"."resulting_outcome" is null) and ("case_appeals"."decided_at" is null) = ("case_appeals"."rationale" is null))
);
--> statement-breakpoint
ALTER TABLE "organisation_settings" DROP CONSTRAINT "organisation_settings_positive_compliance_clocks";--> statement-breakpoint
ALTER TABLE "organisation_settings" ADD COLUMN "appeal_window_days" integer DEFAULT 14 NOT NULL;--> statement-breakpoint
ALTER TABLE "case_appeals" ADD CONSTRAINT "case_appeals_concern_id_concerns_id_fk" FOREIGN KEY ("concern_id") REFERENCES "public"."concerns"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_appeals" ADD CONSTRAINT "case_appeals_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_appeals" ADD CONSTRAINT "case_appeals_filed_by_id_users_id_fk" FOREIGN KEY ("filed_by_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_appeals" ADD CONSTRAINT "case_appeals_taken_by_id_users_id_fk" FOREIGN KEY ("taken_by_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "case_appeals_one_per_decision" ON "case_appeals" USING btree ("concern_id","decision_closed_at");--> statement-breakpoint
CREATE INDEX "case_appeals_open_idx" ON "case_appeals" USING btree ("filed_at") WHERE "case_appeals"."status" in ('filed', 'taken');--> statement-breakpoint
ALTER TABLE "organisation_settings" ADD CONSTRAINT "organisation_settings_positive_compliance_clocks" CHECK ("organisation_settings"."triage_business_days" > 0 and "organisation_settings"."decision_window_days" > 0 and "organisation_settings"."appeal_window_days" > 0);