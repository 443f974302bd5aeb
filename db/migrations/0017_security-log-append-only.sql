-- The security log is dated by the database and only ever added to. The one removal is
-- the retention sweep: purge_expired_security_events(), run by the worker as the owner
-- (SECURITY DEFINER), deletes what is older than six years and nothing else; the app role
-- has no DELETE on the table at all.
CREATE FUNCTION security_events_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.occurred_at := clock_timestamp();
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER security_events_stamp BEFORE INSERT ON security_events
  FOR EACH ROW EXECUTE FUNCTION security_events_stamp();
--> statement-breakpoint
CREATE FUNCTION security_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND OLD.occurred_at < now() - interval '6 years' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'security_events is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER security_events_append_only BEFORE UPDATE OR DELETE ON security_events
  FOR EACH ROW EXECUTE FUNCTION security_events_refuse_change();
--> statement-breakpoint
CREATE TRIGGER security_events_no_truncate BEFORE TRUNCATE ON security_events
  FOR EACH STATEMENT EXECUTE FUNCTION security_events_refuse_change();
--> statement-breakpoint
CREATE FUNCTION purge_expired_security_events() RETURNS integer
  LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
  WITH gone AS (
    DELETE FROM security_events WHERE occurred_at < now() - interval '6 years' RETURNING 1
  )
  SELECT count(*)::integer FROM gone
$$;
