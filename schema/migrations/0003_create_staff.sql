-- Staff accounts, created by `npm run staff`. Scope is the district, a town or a village code,
-- matching the role. Accounts are disabled, never deleted: the audit log names them.
CREATE TABLE staff (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE CHECK (username NOT GLOB '*[^a-z0-9_-]*' AND length(username) BETWEEN 3 AND 32),
  role TEXT NOT NULL CHECK (role IN ('district_admin', 'town_inspector', 'village_secretary')),
  scope TEXT NOT NULL,
  -- "pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>"
  password_hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  password_changed_at TEXT NOT NULL,
  disabled_at TEXT,
  CHECK (
    (role = 'district_admin' AND length(scope) = 6) OR
    (role = 'town_inspector' AND length(scope) = 9) OR
    (role = 'village_secretary' AND length(scope) = 12)
  )
);

-- Staff sessions: only the SHA-256 of the cookie's token is stored.
CREATE TABLE staff_sessions (
  token_hash TEXT PRIMARY KEY,
  staff_id INTEGER NOT NULL REFERENCES staff (id),
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  -- absolute end, whatever the activity
  expires_at TEXT NOT NULL
);
CREATE INDEX staff_sessions_by_staff ON staff_sessions (staff_id);

-- Failed logins per key ("user:<username>" or "client:<sha-256 of the address>"), for slowing down and locking.
CREATE TABLE staff_login_failures (
  key TEXT PRIMARY KEY,
  failures INTEGER NOT NULL CHECK (failures >= 1),
  last_failed_at TEXT NOT NULL,
  locked_until TEXT
);

-- Every staff action and every read of confidential data, append-only and hash-chained by seq:
-- hash = SHA-256(canonical JSON of the row's content + "\n" + prev_hash).
CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY CHECK (seq >= 1),
  at TEXT NOT NULL,
  -- who: a staff account, or "cli" / "anonymous" with no id
  actor_id INTEGER REFERENCES staff (id),
  actor TEXT NOT NULL,
  -- what
  action TEXT NOT NULL,
  target TEXT,
  detail TEXT,
  -- chain
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL UNIQUE
);

CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
