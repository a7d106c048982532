-- Issue 14: one data version per village. Every write that changes what a village's public pages show
-- replaces the village's version in the same statement (the triggers below) or the same batch
-- (worker/src/pages/versions.ts bumpVillage), so a filled page cached under the version it was filled at
-- is never served once the village has changed. The version is a fresh random token, not a counter: a
-- restored backup or a reset test database can never meet a cached page of other data under an old
-- number, and the token says nothing about when the write happened. A village with no row has never
-- been written to since this migration ('0').
--
-- Misconduct reports and their timelines do not bump: no public page shows them, and a version that
-- changed the moment one was filed would tell a watcher of the village page that someone just reported.
CREATE TABLE village_versions (
  village_code TEXT PRIMARY KEY REFERENCES villages (code),
  version TEXT NOT NULL
) WITHOUT ROWID;

CREATE TRIGGER disclosures_bump_village AFTER INSERT ON disclosures
BEGIN
  INSERT INTO village_versions (village_code, version) VALUES (NEW.village_code, lower(hex(randomblob(8))))
    ON CONFLICT (village_code) DO UPDATE SET version = excluded.version;
END;

CREATE TRIGGER reports_insert_bump_village AFTER INSERT ON reports
WHEN NEW.kind <> 'misconduct'
BEGIN
  INSERT INTO village_versions (village_code, version) VALUES (NEW.village_code, lower(hex(randomblob(8))))
    ON CONFLICT (village_code) DO UPDATE SET version = excluded.version;
END;

-- an update may move a case to another village (both change) or out of or into misconduct
CREATE TRIGGER reports_update_bump_village AFTER UPDATE ON reports
WHEN OLD.kind <> 'misconduct' OR NEW.kind <> 'misconduct'
BEGIN
  INSERT INTO village_versions (village_code, version)
    SELECT code, lower(hex(randomblob(8))) FROM villages WHERE code IN (OLD.village_code, NEW.village_code)
    ON CONFLICT (village_code) DO UPDATE SET version = excluded.version;
END;

CREATE TRIGGER report_events_bump_village AFTER INSERT ON report_events
BEGIN
  INSERT INTO village_versions (village_code, version)
    SELECT village_code, lower(hex(randomblob(8))) FROM reports WHERE id = NEW.report_id AND kind <> 'misconduct'
    ON CONFLICT (village_code) DO UPDATE SET version = excluded.version;
END;

CREATE TRIGGER meetings_insert_bump_village AFTER INSERT ON meetings
BEGIN
  INSERT INTO village_versions (village_code, version) VALUES (NEW.village_code, lower(hex(randomblob(8))))
    ON CONFLICT (village_code) DO UPDATE SET version = excluded.version;
END;

CREATE TRIGGER meetings_update_bump_village AFTER UPDATE ON meetings
BEGIN
  INSERT INTO village_versions (village_code, version) VALUES (NEW.village_code, lower(hex(randomblob(8))))
    ON CONFLICT (village_code) DO UPDATE SET version = excluded.version;
END;

CREATE TRIGGER meeting_disclosures_bump_village AFTER INSERT ON meeting_disclosures
BEGIN
  INSERT INTO village_versions (village_code, version)
    SELECT village_code, lower(hex(randomblob(8))) FROM meetings WHERE id = NEW.meeting_id
    ON CONFLICT (village_code) DO UPDATE SET version = excluded.version;
END;

CREATE TRIGGER meeting_questions_bump_village AFTER INSERT ON meeting_questions
BEGIN
  INSERT INTO village_versions (village_code, version)
    SELECT village_code, lower(hex(randomblob(8))) FROM meetings WHERE id = NEW.meeting_id
    ON CONFLICT (village_code) DO UPDATE SET version = excluded.version;
END;
