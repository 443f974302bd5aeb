CREATE TABLE "case_message_reports" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "case_message_reports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"message_id" bigint NOT NULL,
	"reported_by_id" uuid NOT NULL,
	"reason" text,
	"reported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_messages" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "case_messages_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"concern_id" uuid NOT NULL,
	"sender_id" uuid NOT NULL,
	"body" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organisation_settings" DROP CONSTRAINT "organisation_settings_positive_limit";--> statement-breakpoint
ALTER TABLE "organisation_settings" ADD COLUMN "daily_message_limit" integer DEFAULT 10 NOT NULL;--> statement-breakpoint
ALTER TABLE "case_message_reports" ADD CONSTRAINT "case_message_reports_message_id_case_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."case_messages"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_message_reports" ADD CONSTRAINT "case_message_reports_reported_by_id_users_id_fk" FOREIGN KEY ("reported_by_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_messages" ADD CONSTRAINT "case_messages_concern_id_concerns_id_fk" FOREIGN KEY ("concern_id") REFERENCES "public"."concerns"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_messages" ADD CONSTRAINT "case_messages_sender_id_users_id_fk" FOREIGN KEY ("sender_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "case_message_reports_once" ON "case_message_reports" USING btree ("message_id","reported_by_id");--> statement-breakpoint
CREATE INDEX "case_message_reports_recent_idx" ON "case_message_reports" USING btree ("reported_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "case_messages_concern_idx" ON "case_messages" USING btree ("concern_id","id");--> statement-breakpoint
CREATE INDEX "case_messages_sender_idx" ON "case_messages" USING btree ("concern_id","sender_id","sent_at");--> statement-breakpoint
ALTER TABLE "organisation_settings" ADD CONSTRAINT "organisation_settings_positive_limit" CHECK ("organisation_settings"."daily_filing_limit" > 0 and "organisation_settings"."daily_message_limit" > 0);