CREATE TYPE "public"."case_outcome" AS ENUM('no_violation', 'coaching', 'formal_action', 'referred_external');--> statement-breakpoint
CREATE TYPE "public"."concern_category" AS ENUM('privacy', 'patient_boundaries', 'undermining_trust', 'other');--> statement-breakpoint
CREATE TYPE "public"."concern_state" AS ENUM('awaiting_response', 'remediation_reported', 'disputed', 'escalated', 'resolved', 'dispute_accepted', 'withdrawn', 'lapsed', 'closed');--> statement-breakpoint
CREATE TYPE "public"."identity_disclosure" AS ENUM('confidential', 'named');--> statement-breakpoint
CREATE TYPE "public"."post_platform" AS ENUM('x', 'facebook', 'instagram', 'tiktok', 'linkedin', 'youtube', 'reddit', 'blog_or_website', 'other');--> statement-breakpoint
CREATE TYPE "public"."remediation_action" AS ENUM('removed', 'edited', 'made_private', 'other');--> statement-breakpoint
CREATE TYPE "public"."concern_severity" AS ENUM('appears_unprofessional', 'significantly_violates_norms');--> statement-breakpoint
CREATE TABLE "concerns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" bigint GENERATED ALWAYS AS IDENTITY (sequence name "concerns_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"reporter_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"subject_department_id" uuid,
	"post_url" text NOT NULL,
	"post_url_normalised" text NOT NULL,
	"platform" "post_platform" NOT NULL,
	"seen_on" date NOT NULL,
	"description" text NOT NULL,
	"categories" "concern_category"[] NOT NULL,
	"severity" "concern_severity" NOT NULL,
	"disclosure" "identity_disclosure" DEFAULT 'confidential' NOT NULL,
	"state" "concern_state" DEFAULT 'awaiting_response' NOT NULL,
	"response_due_at" timestamp with time zone NOT NULL,
	"confirmation_due_at" timestamp with time zone,
	"notice_opened_at" timestamp with time zone,
	"escalated_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"remediation_action" "remediation_action",
	"response_note" text,
	"responded_at" timestamp with time zone,
	"outcome" "case_outcome",
	"outcome_rationale" text,
	"external_authority" text,
	"closed_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "concerns_not_about_oneself" CHECK ("concerns"."reporter_id" <> "concerns"."subject_id"),
	CONSTRAINT "concerns_has_category" CHECK (cardinality("concerns"."categories") > 0)
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "notifications_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"recipient_id" uuid NOT NULL,
	"concern_id" uuid NOT NULL,
	"recipient_relation" text NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "organisation_settings" (
	"singleton" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"remediation_window_seconds" integer DEFAULT 604800 NOT NULL,
	"confirmation_window_seconds" integer DEFAULT 604800 NOT NULL,
	"daily_filing_limit" integer DEFAULT 5 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_id" uuid,
	CONSTRAINT "organisation_settings_singleton" CHECK ("organisation_settings"."singleton"),
	CONSTRAINT "organisation_settings_positive_windows" CHECK ("organisation_settings"."remediation_window_seconds" > 0 and "organisation_settings"."confirmation_window_seconds" > 0),
	CONSTRAINT "organisation_settings_positive_limit" CHECK ("organisation_settings"."daily_filing_limit" > 0)
);
--> statement-breakpoint
ALTER TABLE "concerns" ADD CONSTRAINT "concerns_reporter_id_users_id_fk" FOREIGN KEY ("reporter_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concerns" ADD CONSTRAINT "concerns_subject_id_users_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concerns" ADD CONSTRAINT "concerns_subject_department_id_departments_id_fk" FOREIGN KEY ("subject_department_id") REFERENCES "public"."departments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concerns" ADD CONSTRAINT "concerns_closed_by_id_users_id_fk" FOREIGN KEY ("closed_by_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_recipient_id_users_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_concern_id_concerns_id_fk" FOREIGN KEY ("concern_id") REFERENCES "public"."concerns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_settings" ADD CONSTRAINT "organisation_settings_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "concerns_number_key" ON "concerns" USING btree ("number");--> statement-breakpoint
CREATE INDEX "concerns_reporter_idx" ON "concerns" USING btree ("reporter_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "concerns_subject_idx" ON "concerns" USING btree ("subject_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "concerns_open_duplicate_key" ON "concerns" USING btree ("reporter_id","post_url_normalised") WHERE "concerns"."state" in ('awaiting_response', 'remediation_reported', 'disputed', 'escalated');--> statement-breakpoint
CREATE INDEX "concerns_response_due_idx" ON "concerns" USING btree ("response_due_at") WHERE "concerns"."state" = 'awaiting_response';--> statement-breakpoint
CREATE INDEX "concerns_confirmation_due_idx" ON "concerns" USING btree ("confirmation_due_at") WHERE "concerns"."state" in ('remediation_reported', 'disputed');--> statement-breakpoint
CREATE INDEX "concerns_escalated_idx" ON "concerns" USING btree ("escalated_at" DESC NULLS LAST) WHERE "concerns"."escalated_at" is not null;--> statement-breakpoint
CREATE INDEX "notifications_recipient_idx" ON "notifications" USING btree ("recipient_id","created_at" DESC NULLS LAST);