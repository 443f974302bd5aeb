-- The tamper-evident audit trail (SECURITY.md, "Audit trail").
--
-- 1. The role the running application uses. NOLOGIN: it only holds privileges; the
--    login role the app connects with is a member of it (the launcher creates one for the
--    embedded server, a DBA creates one for an external server). Its grants are applied by
--    db/app-role.ts after every migration run, so tables added later are covered too.
DO $$
BEGIN
  CREATE ROLE peer_concerns_app NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  -- Roles are per server; another database on it (or a concurrent migration) made it.
  NULL;
END
$$;
--> statement-breakpoint

-- 2. The canonical form of an event, hashed with SHA-256. Every field is written as
--    "<byte length>:<text>" so no value can shift a boundary; lib/audit/audit-chain.ts
--    computes exactly the same string to verify the chain outside the database.
CREATE FUNCTION audit_event_hash(
  prev_hash text, id bigint, occurred_at timestamptz, actor_id uuid, action text,
  entity_type text, entity_id text, details jsonb
) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT encode(sha256(convert_to(
    (SELECT string_agg(octet_length(f)::text || ':' || f, '|' ORDER BY n)
       FROM unnest(ARRAY[
         'peer-concerns-audit-v1',
         prev_hash,
         id::text,
         to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
         coalesce(actor_id::text, ''),
         action,
         entity_type,
         entity_id,
         details::text
       ]) WITH ORDINALITY AS fields(f, n)),
    'UTF8')), 'hex')
$$;
--> statement-breakpoint

-- 3. Existing events (databases created before this migration) join their chains.
DO $$
DECLARE
  event record;
  previous text;
  chain text;
BEGIN
  FOR event IN SELECT * FROM audit_events ORDER BY entity_type, entity_id, id LOOP
    IF chain IS DISTINCT FROM event.entity_type || ':' || event.entity_id THEN
      chain := event.entity_type || ':' || event.entity_id;
      previous := repeat('0', 64);
    END IF;
    UPDATE audit_events
       SET prev_hash = previous,
           hash = audit_event_hash(previous, event.id, event.occurred_at, event.actor_id,
                                   event.action, event.entity_type, event.entity_id, event.details)
     WHERE id = event.id
    RETURNING hash INTO previous;
  END LOOP;
END
$$;
--> statement-breakpoint

-- 4. Every insert is chained by the database itself, whoever inserts. The advisory lock
--    serialises writers of one entity only (the concern path already holds the case's row
--    lock; other entities have none); the id is drawn after the lock so that, within an
--    entity, id order is chain order even when two writers race.
CREATE FUNCTION audit_events_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  previous text;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('audit-chain'), hashtext(NEW.entity_type || ':' || NEW.entity_id));
  NEW.id := nextval(pg_get_serial_sequence('audit_events', 'id'));
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
CREATE TRIGGER audit_events_chain BEFORE INSERT ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_chain();
--> statement-breakpoint

-- 5. A second layer behind the grants: nobody, not even the owner, changes or removes
--    audit history without first disabling this trigger (which is itself an act a DBA's
--    own logging records).
CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_anchors_append_only BEFORE UPDATE OR DELETE ON audit_anchors
  FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_anchors_no_truncate BEFORE TRUNCATE ON audit_anchors
  FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
