-- 网格员 (issue 15): a grid_worker staff role scoped to one or more third-level grids, the cases grid
-- workers carry into the system (代办 on a villager's behalf, 排查上报 found on patrol, 百姓夜话 requests)
-- and the evening talks themselves.
--
-- SQLite cannot change a CHECK, so `staff` is rebuilt to admit the new role, in this migration's one
-- transaction, the way 0006 rebuilt `reports`: the rows are copied aside, the table dropped and created
-- anew, every row copied back with its id (staff_sessions, audit_log and audit_entries keep pointing at the
-- same accounts), then the copy dropped. PRAGMA defer_foreign_keys lets the references wait until the end.
PRAGMA defer_foreign_keys = on;

CREATE TABLE staff_0011 AS SELECT * FROM staff;
DROP TABLE staff;

-- A grid worker's scope is the ids of their grids (14 digits each), comma-separated, in ascending order.
CREATE TABLE staff (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE CHECK (username NOT GLOB '*[^a-z0-9_-]*' AND length(username) BETWEEN 3 AND 32),
  role TEXT NOT NULL CHECK (role IN ('district_admin', 'town_inspector', 'village_secretary', 'grid_worker')),
  scope TEXT NOT NULL,
  -- "pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>"
  password_hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  password_changed_at TEXT NOT NULL,
  disabled_at TEXT,
  CHECK (
    (role = 'district_admin' AND length(scope) = 6) OR
    (role = 'town_inspector' AND length(scope) = 9) OR
    (role = 'village_secretary' AND length(scope) = 12) OR
    (role = 'grid_worker' AND length(scope) % 15 = 14 AND scope NOT GLOB '*[^0-9,]*')
  )
);

INSERT INTO staff (id, username, role, scope, password_hash, created_at, password_changed_at, disabled_at)
SELECT id, username, role, scope, password_hash, created_at, password_changed_at, disabled_at
  FROM staff_0011 ORDER BY id;

DROP TABLE staff_0011;

-- 百姓夜话: an evening talk a grid worker held in one of their grids. Each request raised becomes a case
-- (grid_cases with way 'talk'), with its own receipt, like a meeting's questions.
CREATE TABLE grid_talks (
  id INTEGER PRIMARY KEY,
  -- a random value the recording request makes, so the talk's requests find it inside the same batch
  key TEXT NOT NULL UNIQUE,
  grid_id TEXT NOT NULL CHECK (length(grid_id) = 14 AND grid_id NOT GLOB '*[^0-9]*'),
  village_code TEXT NOT NULL REFERENCES villages (code),
  held_on TEXT NOT NULL CHECK (held_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  place TEXT NOT NULL,
  attendees INTEGER NOT NULL CHECK (attendees >= 1),
  -- who recorded it (a staff username) and when
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  CHECK (substr(grid_id, 1, 12) = village_code)
);
CREATE INDEX grid_talks_by_village ON grid_talks (village_code, held_on);

-- The cases a grid worker filed, and how: 'behalf' (代办: a villager's words, the receipt on a slip),
-- 'patrol' (排查上报: found on patrol, no villager behind it, with its 特别关注 category) or 'talk' (a request
-- raised at a 百姓夜话). The case itself is a row of `reports` written by the intake's own statements
-- (source 'meeting', filed_by the grid worker), so staff filing is marked and counted apart as before.
CREATE TABLE grid_cases (
  report_id INTEGER PRIMARY KEY REFERENCES reports (id),
  way TEXT NOT NULL CHECK (way IN ('behalf', 'patrol', 'talk')),
  grid_id TEXT NOT NULL CHECK (length(grid_id) = 14 AND grid_id NOT GLOB '*[^0-9]*'),
  category TEXT,
  talk_id INTEGER REFERENCES grid_talks (id),
  filed_by TEXT NOT NULL,
  CHECK ((way = 'patrol') = (category IS NOT NULL)),
  CHECK ((way = 'talk') = (talk_id IS NOT NULL))
);
CREATE INDEX grid_cases_by_grid ON grid_cases (grid_id, way);
CREATE INDEX grid_cases_by_filer ON grid_cases (filed_by);

-- 定责 from the 三张清单 (schema/data/duties.json): the item of the 职责任务清单 (d…) or the
-- 属地责任事项清单 (m…) naming the body responsible; NULL where the responsible was written freely.
ALTER TABLE reports ADD COLUMN duty_item TEXT;

-- an evening talk shows on the village page (issue 14's village version, as in 0010)
CREATE TRIGGER grid_talks_bump_village AFTER INSERT ON grid_talks
BEGIN
  INSERT INTO village_versions (village_code, version) VALUES (NEW.village_code, lower(hex(randomblob(8))))
    ON CONFLICT (village_code) DO UPDATE SET version = excluded.version;
END;
