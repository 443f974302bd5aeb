ALTER TYPE "public"."concern_state" ADD VALUE 'in_review' BEFORE 'resolved';--> statement-breakpoint
CREATE TABLE "case_notes" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "case_notes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"concern_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retracted_at" timestamp with time zone,
	"retracted_by_id" uuid,
	"retraction_reason" text,
	CONSTRAINT "case_notes_retraction_complete" CHECK (("case_notes"."retracted_at" is null) = ("case_notes"."retracted_by_id" is null) and ("case_notes"."retracted_at" is null) = ("case_notes"."retraction_reason" is null))
);
--> statement-breakpoint
CREATE TABLE "information_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"concern_id" uuid NOT NULL,
	"asked_by_id" uuid NOT NULL,
	"recipient" text NOT NULL,
	"question" text NOT NULL,
	"asked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answer" text,
	"answered_at" timestamp with time zone,
	CONSTRAINT "information_requests_recipient" CHECK ("information_requests"."recipient" in ('reporter', 'subject')),
	CONSTRAINT "information_requests_answer_complete" CHECK (("information_requests"."answer" is null) = ("information_requests"."answered_at" is null))
);
--> statement-breakpoint
DROP INDEX "concerns_open_duplicate_key";--> statement-breakpoint
ALTER TABLE "concerns" ADD COLUMN "assignee_id" uuid;--> statement-breakpoint
ALTER TABLE "concerns" ADD COLUMN "triage_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "concerns" ADD COLUMN "decision_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "concerns" ADD COLUMN "next_due_at" timestamp with time zone GENERATED ALWAYS AS (case when assignee_id is null then least(triage_due_at, decision_due_at) else decision_due_at end) STORED;--> statement-breakpoint
ALTER TABLE "concerns" ADD COLUMN "triage_reminded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "concerns" ADD COLUMN "decision_reminded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "organisation_settings" ADD COLUMN "triage_business_days" integer DEFAULT 2 NOT NULL;--> statement-breakpoint
ALTER TABLE "organisation_settings" ADD COLUMN "decision_window_days" integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE "case_notes" ADD CONSTRAINT "case_notes_concern_id_concerns_id_fk" FOREIGN KEY ("concern_id") REFERENCES "public"."concerns"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_notes" ADD CONSTRAINT "case_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_notes" ADD CONSTRAINT "case_notes_retracted_by_id_users_id_fk" FOREIGN KEY ("retracted_by_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "information_requests" ADD CONSTRAINT "information_requests_concern_id_concerns_id_fk" FOREIGN KEY ("concern_id") REFERENCES "public"."concerns"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "information_requests" ADD CONSTRAINT "information_requests_asked_by_id_users_id_fk" FOREIGN KEY ("asked_by_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_notes_concern_idx" ON "case_notes" USING btree ("concern_id","id");--> statement-breakpoint
CREATE INDEX "information_requests_concern_idx" ON "information_requests" USING btree ("concern_id","asked_at");--> statement-breakpoint
ALTER TABLE "concerns" ADD CONSTRAINT "concerns_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "concerns_queue_escalated_idx" ON "concerns" USING btree ("escalated_at","id") WHERE "concerns"."escalated_at" is not null and "concerns"."closed_at" is null;--> statement-breakpoint
CREATE INDEX "concerns_queue_due_idx" ON "concerns" USING btree ("next_due_at","id") WHERE "concerns"."escalated_at" is not null and "concerns"."closed_at" is null;--> statement-breakpoint
CREATE INDEX "concerns_queue_assignee_idx" ON "concerns" USING btree ("assignee_id","escalated_at","id") WHERE "concerns"."escalated_at" is not null and "concerns"."closed_at" is null;--> statement-breakpoint
CREATE INDEX "concerns_queue_department_idx" ON "concerns" USING btree ("subject_department_id","escalated_at","id") WHERE "concerns"."escalated_at" is not null and "concerns"."closed_at" is null;--> statement-breakpoint
CREATE INDEX "concerns_created_idx" ON "concerns" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "users_name_trgm_idx" ON "users" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "concerns_open_duplicate_key" ON "concerns" USING btree ("reporter_id","post_url_normalised") WHERE "concerns"."closed_at" is null;--> statement-breakpoint
ALTER TABLE "organisation_settings" ADD CONSTRAINT "organisation_settings_positive_compliance_clocks" CHECK ("organisation_settings"."triage_business_days" > 0 and "organisation_settings"."decision_window_days" > 0);