-- Internal notes are evidence: once written, a note's text, author and time never change
-- and it is never deleted. The only change allowed is a retraction, added once.
CREATE FUNCTION case_notes_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'case notes are append-only: retract a note instead of deleting it';
  END IF;
  IF OLD.retracted_at IS NOT NULL
     OR NEW.id IS DISTINCT FROM OLD.id
     OR NEW.concern_id IS DISTINCT FROM OLD.concern_id
     OR NEW.author_id IS DISTINCT FROM OLD.author_id
     OR NEW.body IS DISTINCT FROM OLD.body
     OR NEW.created_at IS DISTINCT FROM OLD.created_at THEN
    RAISE EXCEPTION 'case notes are append-only: only a retraction may be added, once';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER case_notes_append_only
  BEFORE UPDATE OR DELETE ON case_notes
  FOR EACH ROW EXECUTE FUNCTION case_notes_append_only();
--> statement-breakpoint
-- Cases escalated before the compliance clocks existed get the default clocks from their
-- escalation (2 days for triage, approximating business days; 30 days for the decision).
UPDATE concerns
SET triage_due_at = escalated_at + interval '2 days',
    decision_due_at = escalated_at + interval '30 days'
WHERE escalated_at IS NOT NULL AND closed_at IS NULL AND triage_due_at IS NULL;
