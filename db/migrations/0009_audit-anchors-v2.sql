CREATE TABLE "audit_anchor_heads" (
	"anchor_id" bigint NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"event_id" bigint NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "audit_anchor_heads_anchor_id_event_id_pk" PRIMARY KEY("anchor_id","event_id")
);
--> statement-breakpoint
ALTER TABLE "audit_anchors" ALTER COLUMN "heads" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ALTER COLUMN "concern_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_anchors" ADD COLUMN "version" smallint DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_anchors" ADD COLUMN "xact_horizon" "xid8";--> statement-breakpoint
ALTER TABLE "audit_anchors" ADD COLUMN "head_count" integer;--> statement-breakpoint
ALTER TABLE "audit_anchors" ADD COLUMN "heads_digest" text;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "xact_id" "xid8";--> statement-breakpoint
ALTER TABLE "audit_anchor_heads" ADD CONSTRAINT "audit_anchor_heads_anchor_id_audit_anchors_id_fk" FOREIGN KEY ("anchor_id") REFERENCES "public"."audit_anchors"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_anchor_heads_chain_idx" ON "audit_anchor_heads" USING btree ("entity_type","entity_id","anchor_id");--> statement-breakpoint
CREATE INDEX "audit_events_xact_idx" ON "audit_events" USING btree ("xact_id") WHERE "audit_events"."xact_id" is not null;--> statement-breakpoint
ALTER TABLE "audit_anchors" ADD CONSTRAINT "audit_anchors_version_fields" CHECK (("audit_anchors"."version" = 1 and "audit_anchors"."heads" is not null)
        or ("audit_anchors"."version" = 2 and "audit_anchors"."heads" is null and "audit_anchors"."xact_horizon" is not null
            and "audit_anchors"."head_count" is not null and "audit_anchors"."heads_digest" is not null));