-- Issue 11: 'escalated' was listed in report_events' CHECK (0002) but no code ever wrote it; raising a
-- case to the town is written as 'reopened' and 'transferred'. SQLite cannot change a CHECK in place and
-- rebuilding the events table is not worth the risk for a value nobody writes, so from now on the
-- database refuses it outright.
CREATE TRIGGER report_events_no_escalated BEFORE INSERT ON report_events
WHEN NEW.kind = 'escalated'
BEGIN
  SELECT RAISE(ABORT, 'report_events: escalated is not an event kind');
END;
