-- Signed checkpoints (RFC 9162 signed-tree-head style): at `time`, the length and head hash of every
-- village's disclosure chain and of the audit log, signed with Ed25519 by the deployment's CHECKPOINT_KEY.
-- `body` is the whole signed checkpoint as JSON, exactly as served. Never updated or deleted.
CREATE TABLE checkpoints (
  id INTEGER PRIMARY KEY,
  time TEXT NOT NULL UNIQUE,
  body TEXT NOT NULL
);

CREATE TRIGGER checkpoints_append_only_update BEFORE UPDATE ON checkpoints
BEGIN
  SELECT RAISE(ABORT, 'checkpoints are append-only');
END;

CREATE TRIGGER checkpoints_append_only_delete BEFORE DELETE ON checkpoints
BEGIN
  SELECT RAISE(ABORT, 'checkpoints are append-only');
END;

-- The fingerprint of a 阳光报告会's day: the village's disclosure chain (length and head hash) as it stood
-- at the end of the day the meeting was held. NULL for meetings recorded before this column existed.
ALTER TABLE meetings ADD COLUMN chain_length INTEGER CHECK (chain_length >= 0);
ALTER TABLE meetings ADD COLUMN chain_head TEXT;
