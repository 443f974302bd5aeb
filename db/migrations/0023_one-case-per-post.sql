CREATE TYPE "public"."reporter_verdict" AS ENUM('consent', 'objection');--> statement-breakpoint
CREATE TABLE "concern_reporters" (
	"concern_id" uuid NOT NULL,
	"reporter_id" uuid NOT NULL,
	"post_url" text NOT NULL,
	"platform" "post_platform" NOT NULL,
	"seen_on" date NOT NULL,
	"description" text NOT NULL,
	"categories" "concern_category"[] NOT NULL,
	"other_consideration" text,
	"severity" "concern_severity" NOT NULL,
	"disclosure" "identity_disclosure" NOT NULL,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "concern_reporters_concern_id_reporter_id_pk" PRIMARY KEY("concern_id","reporter_id"),
	CONSTRAINT "concern_reporters_has_category" CHECK (cardinality("concern_reporters"."categories") > 0)
);
--> statement-breakpoint
CREATE TABLE "reporter_verdicts" (
	"concern_id" uuid NOT NULL,
	"reporter_id" uuid NOT NULL,
	"responded_at" timestamp with time zone NOT NULL,
	"verdict" "reporter_verdict" NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reporter_verdicts_concern_id_reporter_id_responded_at_pk" PRIMARY KEY("concern_id","reporter_id","responded_at")
);
--> statement-breakpoint
ALTER TABLE "concern_reporters" ADD CONSTRAINT "concern_reporters_concern_id_concerns_id_fk" FOREIGN KEY ("concern_id") REFERENCES "public"."concerns"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_reporters" ADD CONSTRAINT "concern_reporters_reporter_id_users_id_fk" FOREIGN KEY ("reporter_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporter_verdicts" ADD CONSTRAINT "reporter_verdicts_concern_id_concerns_id_fk" FOREIGN KEY ("concern_id") REFERENCES "public"."concerns"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporter_verdicts" ADD CONSTRAINT "reporter_verdicts_reporter_id_users_id_fk" FOREIGN KEY ("reporter_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "concern_reporters_reporter_idx" ON "concern_reporters" USING btree ("reporter_id","joined_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "concerns_open_post_key" ON "concerns" USING btree ("subject_id","post_url_normalised") WHERE "concerns"."closed_at" is null;