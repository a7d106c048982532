-- Reference data, copied from schema/data by scripts/seed.ts (upserted on every start and deploy)
CREATE TABLE towns (
  code TEXT PRIMARY KEY CHECK (length(code) = 9),
  name TEXT NOT NULL
);

CREATE TABLE villages (
  code TEXT PRIMARY KEY CHECK (length(code) = 12),
  town_code TEXT NOT NULL REFERENCES towns (code),
  name TEXT NOT NULL,
  demo INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1))
);
CREATE INDEX villages_by_town ON villages (town_code);

-- Published disclosures: one row per published version, never updated or deleted.
-- Each village's versions form a hash chain ordered by seq.
CREATE TABLE disclosures (
  id INTEGER PRIMARY KEY,
  village_code TEXT NOT NULL REFERENCES villages (code),
  item_id TEXT NOT NULL,
  period TEXT NOT NULL,
  title TEXT NOT NULL,
  content TEXT NOT NULL,
  tables TEXT,
  published_by TEXT NOT NULL,
  published_at TEXT NOT NULL,
  -- corrections
  corrects_id INTEGER REFERENCES disclosures (id),
  correction_reason TEXT,
  -- chain
  seq INTEGER NOT NULL CHECK (seq >= 1),
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL UNIQUE,
  demo INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1)),
  UNIQUE (village_code, seq),
  CHECK ((corrects_id IS NULL) = (correction_reason IS NULL))
);
CREATE INDEX disclosures_by_item ON disclosures (village_code, item_id, period, id);

CREATE TRIGGER disclosures_append_only_update BEFORE UPDATE ON disclosures
BEGIN
  SELECT RAISE(ABORT, 'disclosures are append-only');
END;

CREATE TRIGGER disclosures_append_only_delete BEFORE DELETE ON disclosures
BEGIN
  SELECT RAISE(ABORT, 'disclosures are append-only');
END;
