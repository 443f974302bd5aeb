DROP INDEX "case_messages_concern_idx";--> statement-breakpoint
DROP INDEX "concerns_reporter_idx";--> statement-breakpoint
DROP INDEX "concerns_subject_idx";--> statement-breakpoint
DROP INDEX "notifications_recipient_idx";--> statement-breakpoint
CREATE INDEX "notifications_recipient_case_idx" ON "notifications" USING btree ("recipient_id","concern_id","created_at","id");--> statement-breakpoint
CREATE INDEX "notifications_unread_idx" ON "notifications" USING btree ("recipient_id") WHERE "notifications"."read_at" is null;--> statement-breakpoint
CREATE INDEX "case_messages_concern_idx" ON "case_messages" USING btree ("concern_id","sent_at","id");--> statement-breakpoint
CREATE INDEX "concerns_reporter_idx" ON "concerns" USING btree ("reporter_id","created_at","id");--> statement-breakpoint
CREATE INDEX "concerns_subject_idx" ON "concerns" USING btree ("subject_id","created_at","id");--> statement-breakpoint
CREATE INDEX "notifications_recipient_idx" ON "notifications" USING btree ("recipient_id","created_at","id");