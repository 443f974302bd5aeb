CREATE TYPE "public"."pattern_review_state" AS ENUM('open', 'in_review', 'decided');--> statement-breakpoint
CREATE TABLE "pattern_review_concerns" (
	"review_id" uuid NOT NULL,
	"concern_id" uuid NOT NULL,
	CONSTRAINT "pattern_review_concerns_review_id_concern_id_pk" PRIMARY KEY("review_id","concern_id")
);
--> statement-breakpoint
CREATE TABLE "pattern_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" bigint GENERATED ALWAYS AS IDENTITY (sequence name "pattern_reviews_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"subject_id" uuid NOT NULL,
	"subject_department_id" uuid,
	"state" "pattern_review_state" DEFAULT 'open' NOT NULL,
	"assignee_id" uuid,
	"colleague_answer" text,
	"answered_at" timestamp with time zone,
	"outcome" "case_outcome",
	"outcome_rationale" text,
	"outcome_summary" text,
	"external_authority" text,
	"decided_by_id" uuid,
	"decided_at" timestamp with time zone,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "pattern_review_id" uuid;--> statement-breakpoint
ALTER TABLE "organisation_settings" ADD COLUMN "pattern_concern_count" integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "organisation_settings" ADD COLUMN "pattern_reporter_count" integer DEFAULT 2 NOT NULL;--> statement-breakpoint
ALTER TABLE "organisation_settings" ADD COLUMN "pattern_window_months" integer DEFAULT 12 NOT NULL;--> statement-breakpoint
ALTER TABLE "pattern_review_concerns" ADD CONSTRAINT "pattern_review_concerns_review_id_pattern_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."pattern_reviews"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pattern_review_concerns" ADD CONSTRAINT "pattern_review_concerns_concern_id_concerns_id_fk" FOREIGN KEY ("concern_id") REFERENCES "public"."concerns"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pattern_reviews" ADD CONSTRAINT "pattern_reviews_subject_id_users_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pattern_reviews" ADD CONSTRAINT "pattern_reviews_subject_department_id_departments_id_fk" FOREIGN KEY ("subject_department_id") REFERENCES "public"."departments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pattern_reviews" ADD CONSTRAINT "pattern_reviews_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pattern_reviews" ADD CONSTRAINT "pattern_reviews_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pattern_review_concerns_concern_idx" ON "pattern_review_concerns" USING btree ("concern_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pattern_reviews_number_key" ON "pattern_reviews" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "pattern_reviews_one_open_key" ON "pattern_reviews" USING btree ("subject_id") WHERE "pattern_reviews"."state" <> 'decided';--> statement-breakpoint
CREATE INDEX "pattern_reviews_queue_idx" ON "pattern_reviews" USING btree ("subject_department_id","opened_at") WHERE "pattern_reviews"."state" <> 'decided';--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_pattern_review_id_pattern_reviews_id_fk" FOREIGN KEY ("pattern_review_id") REFERENCES "public"."pattern_reviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_settings" ADD CONSTRAINT "organisation_settings_pattern_thresholds" CHECK ("organisation_settings"."pattern_concern_count" >= 2 and "organisation_settings"."pattern_reporter_count" >= 2 and "organisation_settings"."pattern_reporter_count" <= "organisation_settings"."pattern_concern_count" and "organisation_settings"."pattern_window_months" between 1 and 60);