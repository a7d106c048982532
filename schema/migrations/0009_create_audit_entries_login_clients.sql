-- Audit entries: what a staff action appends in its own batch. The AUTOINCREMENT id is taken inside the
-- write itself, so concurrent actions never conflict; ids only grow, in commit order.
CREATE TABLE audit_entries (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  actor_id INTEGER REFERENCES staff (id),
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  target TEXT,
  detail TEXT
);

CREATE TRIGGER audit_entries_append_only_update BEFORE UPDATE ON audit_entries
BEGIN
  SELECT RAISE(ABORT, 'audit_entries is append-only');
END;

CREATE TRIGGER audit_entries_append_only_delete BEFORE DELETE ON audit_entries
BEGIN
  SELECT RAISE(ABORT, 'audit_entries is append-only');
END;

-- audit_log becomes the chain that seals the entries in id order: one link per entry, computed from the
-- entries alone, so any request or the cron may seal and concurrent sealers write identical rows
-- (INSERT OR IGNORE). Links written before this migration have no entry.
ALTER TABLE audit_log ADD COLUMN entry_id INTEGER REFERENCES audit_entries (id);
CREATE UNIQUE INDEX audit_log_by_entry ON audit_log (entry_id);

-- A new link must seal the next unsealed entry with its exact content, right after the link before it.
CREATE TRIGGER audit_log_seals_entries BEFORE INSERT ON audit_log
WHEN NEW.entry_id IS NULL
  OR NOT EXISTS (
    SELECT 1 FROM audit_entries AS e
     WHERE e.id = NEW.entry_id AND e.at = NEW.at AND e.actor_id IS NEW.actor_id AND e.actor = NEW.actor
       AND e.action = NEW.action AND e.target IS NEW.target AND e.detail IS NEW.detail)
  OR NEW.prev_hash IS NOT (
    CASE WHEN NEW.seq = 1 THEN '0000000000000000000000000000000000000000000000000000000000000000'
         ELSE (SELECT hash FROM audit_log WHERE seq = NEW.seq - 1) END)
  OR EXISTS (
    SELECT 1 FROM audit_entries
     WHERE id < NEW.entry_id
       AND id > COALESCE((SELECT entry_id FROM audit_log WHERE seq = NEW.seq - 1), 0))
BEGIN
  SELECT RAISE(ABORT, 'audit_log links must seal audit_entries in order');
END;

-- Clients a staff account has logged in from: key = SHA-256 of the deploy's salt, the username and the
-- address. A known client is throttled on its own failures only, so strangers cannot lock the real user
-- out from where they usually work.
CREATE TABLE staff_login_clients (
  key TEXT PRIMARY KEY,
  last_login_at TEXT NOT NULL
);
