-- Photos and voice messages sent with a report (issue 17). The files themselves are in object storage
-- (R2 on Cloudflare, a folder under DATA_DIR on the self-hosted runtime) under `object_key`; a row and its
-- report are written in one batch, so a report never points at a file that was not stored. Only what the
-- worker read from the file's own bytes is kept: no name, no declared type, no metadata (it was stripped).
-- Rows of closed cases are deleted after ATTACHMENT_DAYS by the daily cron, with an audit entry.
CREATE TABLE report_attachments (
  id INTEGER PRIMARY KEY,
  report_id INTEGER NOT NULL REFERENCES reports (id),
  field TEXT NOT NULL CHECK (field IN ('photo', 'voice')),
  -- photo-1 … photo-3, voice-1: the attachment's name in its URLs
  position INTEGER NOT NULL CHECK (position BETWEEN 1 AND 3 AND (field = 'photo' OR position = 1)),
  -- content-addressed: the intake key's hash, the field and position, and the SHA-256 of the stored bytes
  object_key TEXT NOT NULL UNIQUE,
  content_type TEXT NOT NULL CHECK (content_type IN (
    'image/jpeg', 'image/png', 'image/webp',
    'audio/mp4', 'audio/aac', 'audio/amr', 'audio/amr-wb', 'audio/webm', 'audio/mpeg'
  )),
  bytes INTEGER NOT NULL CHECK (bytes > 0),
  -- a voice message's length as read from its bytes (NULL when its format keeps none)
  seconds REAL CHECK (seconds IS NULL OR seconds >= 0),
  UNIQUE (report_id, field, position)
);
