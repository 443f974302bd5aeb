-- Custom SQL migration: drizzle-kit cannot express triggers.
--
-- 1. The database, not the writer, says when an event happened and which transaction
--    wrote it. A writer that names its own time (a backdated or postdated event) is
--    refused; the time is read after the entity's lock, so within a chain time and id
--    order agree. The transaction id lets the anchor job find everything that changed
--    since the last anchor, including a transaction that committed after it looked.
--    Everything else is as in the append-only migration: same lock, same id, same hash.
CREATE OR REPLACE FUNCTION audit_events_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  previous text;
BEGIN
  -- now() is the column's default: anything else was supplied by the writer.
  IF NEW.occurred_at IS DISTINCT FROM now() THEN
    RAISE EXCEPTION 'audit_events.occurred_at is set by the database: an event cannot be dated by its writer'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  PERFORM pg_advisory_xact_lock(hashtext('audit-chain'), hashtext(NEW.entity_type || ':' || NEW.entity_id));
  NEW.id := nextval(pg_get_serial_sequence('audit_events', 'id'));
  NEW.occurred_at := clock_timestamp();
  NEW.xact_id := pg_current_xact_id();
  -- A fresh snapshot (READ COMMITTED, a new statement): sees the head the previous
  -- lock holder committed.
  SELECT hash INTO previous FROM audit_events
   WHERE entity_type = NEW.entity_type AND entity_id = NEW.entity_id
   ORDER BY id DESC LIMIT 1;
  NEW.prev_hash := coalesce(previous, repeat('0', 64));
  NEW.hash := audit_event_hash(NEW.prev_hash, NEW.id, NEW.occurred_at, NEW.actor_id,
                               NEW.action, NEW.entity_type, NEW.entity_id, NEW.details);
  RETURN NEW;
END
$$;
--> statement-breakpoint

-- 2. What an anchor pins is evidence too: nobody changes or removes it.
CREATE TRIGGER audit_anchor_heads_append_only BEFORE UPDATE OR DELETE ON audit_anchor_heads
  FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_anchor_heads_no_truncate BEFORE TRUNCATE ON audit_anchor_heads
  FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
