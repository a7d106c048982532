-- 积分制 and 积分超市 (issue 16).

-- Two village-scoped staff roles (beside 0011's grid_worker, kept as 0011 made it): the points administrator (records entries, keeps the register and the
-- shop) and the points supervisor (confirms entries). SQLite cannot change a CHECK in place, so the staff
-- table is rebuilt with the same columns and rows: its rows are set aside, the table is dropped and made
-- again, and the rows go back in, so every session and audit entry finds its account again before the
-- foreign keys are checked at the end of the migration.
PRAGMA defer_foreign_keys = on;

CREATE TABLE staff_rows AS SELECT * FROM staff;
DROP TABLE staff;
CREATE TABLE staff (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE CHECK (username NOT GLOB '*[^a-z0-9_-]*' AND length(username) BETWEEN 3 AND 32),
  role TEXT NOT NULL CHECK (role IN ('district_admin', 'town_inspector', 'village_secretary', 'grid_worker', 'points_admin', 'points_supervisor')),
  scope TEXT NOT NULL,
  -- "pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>"
  password_hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  password_changed_at TEXT NOT NULL,
  disabled_at TEXT,
  CHECK (
    (role = 'district_admin' AND length(scope) = 6) OR
    (role = 'town_inspector' AND length(scope) = 9) OR
    (role IN ('village_secretary', 'points_admin', 'points_supervisor') AND length(scope) = 12) OR
    (role = 'grid_worker' AND length(scope) % 15 = 14 AND scope NOT GLOB '*[^0-9,]*')
  )
);
INSERT INTO staff (id, username, role, scope, password_hash, created_at, password_changed_at, disabled_at)
  SELECT id, username, role, scope, password_hash, created_at, password_changed_at, disabled_at FROM staff_rows;
DROP TABLE staff_rows;

-- The household register of each village. The household's card code (一户一码) is a secret like a
-- receipt: only its slow hash is stored, and a card printed again gets a new code.
CREATE TABLE points_households (
  id INTEGER PRIMARY KEY,
  village_code TEXT NOT NULL REFERENCES villages (code),
  -- 户号, as the village numbers its households
  number TEXT NOT NULL,
  head_name TEXT NOT NULL,
  code_hash TEXT UNIQUE,
  registered_by TEXT NOT NULL,
  registered_at TEXT NOT NULL,
  UNIQUE (village_code, number)
);

-- Each village's points ledger: every fact that moves or settles points is one link of the village's
-- hash chain (seq, prev_hash, hash = SHA-256 of the canonical content + prev_hash), never updated or
-- deleted. kind:
--   rules     a version of the village's rules (items: JSON [{code, title, category, points}])
--   entry     points awarded (points > 0) or deducted (< 0) to a household by a rule, with a reason
--   reversal  a mistaken entry undone (ref_id: the entry; points: its opposite), with a reason
--   confirm   the supervisor's confirmation of an entry or reversal (ref_id); it counts only from then
--   redeem    goods taken at the 积分超市 (ref_id: the goods; points < 0)
CREATE TABLE points_ledger (
  id INTEGER PRIMARY KEY,
  village_code TEXT NOT NULL REFERENCES villages (code),
  kind TEXT NOT NULL CHECK (kind IN ('rules', 'entry', 'reversal', 'confirm', 'redeem')),
  household_id INTEGER REFERENCES points_households (id),
  ref_id INTEGER,
  rule_code TEXT,
  points INTEGER NOT NULL DEFAULT 0,
  on_date TEXT NOT NULL CHECK (on_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  reason TEXT,
  detail TEXT,
  actor TEXT NOT NULL,
  at TEXT NOT NULL,
  -- chain
  seq INTEGER NOT NULL CHECK (seq >= 1),
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL UNIQUE,
  UNIQUE (village_code, seq),
  CHECK (kind = 'rules' OR kind = 'confirm' OR household_id IS NOT NULL),
  CHECK (kind NOT IN ('reversal', 'confirm', 'redeem') OR ref_id IS NOT NULL),
  CHECK (kind <> 'redeem' OR points < 0)
);
CREATE INDEX points_ledger_by_household ON points_ledger (household_id, kind);
CREATE INDEX points_ledger_by_ref ON points_ledger (ref_id, kind);
-- An entry is confirmed once and reversed once.
CREATE UNIQUE INDEX points_ledger_one_confirm ON points_ledger (ref_id) WHERE kind = 'confirm';
CREATE UNIQUE INDEX points_ledger_one_reversal ON points_ledger (ref_id) WHERE kind = 'reversal';

CREATE TRIGGER points_ledger_append_only_update BEFORE UPDATE ON points_ledger
BEGIN
  SELECT RAISE(ABORT, 'points_ledger is append-only');
END;

CREATE TRIGGER points_ledger_append_only_delete BEFORE DELETE ON points_ledger
BEGIN
  SELECT RAISE(ABORT, 'points_ledger is append-only');
END;

-- Two people, always: a confirmation must come from someone other than who recorded the entry, and
-- confirm an entry or a reversal of its own village.
CREATE TRIGGER points_ledger_two_people BEFORE INSERT ON points_ledger
WHEN NEW.kind = 'confirm' AND NOT EXISTS (
  SELECT 1 FROM points_ledger AS e
   WHERE e.id = NEW.ref_id AND e.kind IN ('entry', 'reversal') AND e.village_code = NEW.village_code
     AND e.actor <> NEW.actor)
BEGIN
  SELECT RAISE(ABORT, 'points confirmation must be by a second person');
END;

-- The goods of a village's 积分超市 for a quarter, and the window the shop is open in (China dates).
CREATE TABLE points_shops (
  id INTEGER PRIMARY KEY,
  village_code TEXT NOT NULL REFERENCES villages (code),
  quarter TEXT NOT NULL CHECK (quarter GLOB '[0-9][0-9][0-9][0-9]-Q[1-4]'),
  opens_on TEXT NOT NULL,
  closes_on TEXT NOT NULL,
  set_by TEXT NOT NULL,
  set_at TEXT NOT NULL,
  UNIQUE (village_code, quarter),
  CHECK (opens_on <= closes_on)
);

CREATE TABLE points_goods (
  id INTEGER PRIMARY KEY,
  shop_id INTEGER NOT NULL REFERENCES points_shops (id),
  name TEXT NOT NULL,
  price INTEGER NOT NULL CHECK (price >= 1),
  UNIQUE (shop_id, name)
);

-- The village page shows the points board and the shop (issue 14's village version, as in 0010): every
-- link of the ledger, every household registered or renamed and every shop set bumps the village.
CREATE TRIGGER points_ledger_bump_village AFTER INSERT ON points_ledger
BEGIN
  INSERT INTO village_versions (village_code, version) VALUES (NEW.village_code, lower(hex(randomblob(8))))
    ON CONFLICT (village_code) DO UPDATE SET version = excluded.version;
END;

CREATE TRIGGER points_households_insert_bump_village AFTER INSERT ON points_households
BEGIN
  INSERT INTO village_versions (village_code, version) VALUES (NEW.village_code, lower(hex(randomblob(8))))
    ON CONFLICT (village_code) DO UPDATE SET version = excluded.version;
END;

CREATE TRIGGER points_households_update_bump_village AFTER UPDATE OF number, head_name ON points_households
BEGIN
  INSERT INTO village_versions (village_code, version) VALUES (NEW.village_code, lower(hex(randomblob(8))))
    ON CONFLICT (village_code) DO UPDATE SET version = excluded.version;
END;

CREATE TRIGGER points_shops_insert_bump_village AFTER INSERT ON points_shops
BEGIN
  INSERT INTO village_versions (village_code, version) VALUES (NEW.village_code, lower(hex(randomblob(8))))
    ON CONFLICT (village_code) DO UPDATE SET version = excluded.version;
END;

CREATE TRIGGER points_shops_update_bump_village AFTER UPDATE ON points_shops
BEGIN
  INSERT INTO village_versions (village_code, version) VALUES (NEW.village_code, lower(hex(randomblob(8))))
    ON CONFLICT (village_code) DO UPDATE SET version = excluded.version;
END;
