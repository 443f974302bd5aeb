CREATE TYPE "public"."role_grant_decision" AS ENUM('approved', 'declined');--> statement-breakpoint
CREATE TABLE "case_recusals" (
	"concern_id" uuid NOT NULL,
	"officer_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"recused_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_recusals_concern_id_officer_id_pk" PRIMARY KEY("concern_id","officer_id")
);
--> statement-breakpoint
CREATE TABLE "role_grant_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"role" "role" NOT NULL,
	"requested_by_id" uuid NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by_id" uuid,
	"decided_at" timestamp with time zone,
	"decision" "role_grant_decision",
	CONSTRAINT "role_grant_requests_decision_complete" CHECK (("role_grant_requests"."decided_at" is null) = ("role_grant_requests"."decided_by_id" is null) and ("role_grant_requests"."decided_at" is null) = ("role_grant_requests"."decision" is null)),
	CONSTRAINT "role_grant_requests_second_person" CHECK ("role_grant_requests"."decided_by_id" is null or ("role_grant_requests"."decided_by_id" <> "role_grant_requests"."requested_by_id" and "role_grant_requests"."decided_by_id" <> "role_grant_requests"."user_id"))
);
--> statement-breakpoint
ALTER TABLE "case_recusals" ADD CONSTRAINT "case_recusals_concern_id_concerns_id_fk" FOREIGN KEY ("concern_id") REFERENCES "public"."concerns"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_recusals" ADD CONSTRAINT "case_recusals_officer_id_users_id_fk" FOREIGN KEY ("officer_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_grant_requests" ADD CONSTRAINT "role_grant_requests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_grant_requests" ADD CONSTRAINT "role_grant_requests_requested_by_id_users_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_grant_requests" ADD CONSTRAINT "role_grant_requests_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_recusals_officer_idx" ON "case_recusals" USING btree ("officer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "role_grant_requests_pending_key" ON "role_grant_requests" USING btree ("user_id","role") WHERE "role_grant_requests"."decided_at" is null;