-- A receipt is the villager's secret: from now on it is stored only as receiptHash(receipt) (PBKDF2,
-- schema/report.ts), and the Idempotency-Key only as its hash with the receipt sealed under it, so a
-- faithful retry still gets its receipt back. Cases staff file on a villager's behalf name who filed them.
--
-- SQLite cannot drop the NOT NULL of `receipt`, and D1 cannot compute PBKDF2, so the table is rebuilt,
-- all in the migration's one transaction: the rows are first copied aside to reports_0005, then `reports`
-- is created anew and every row copied back with its id (report_events, meeting_questions and merged_into
-- keep pointing at the same rows), the old plain receipt and key moved to legacy_receipt /
-- legacy_idempotency_key. Only then is the copy dropped. Nothing is lost. The worker (before its first
-- receipt lookup or intake) and `npm run seed` then hash each legacy row and clear its plain columns
-- (upgradeLegacyRows in worker/src/reports/queries.ts, upgradeLegacyReceipts in scripts/seed.ts).
--
-- D1 enforces foreign keys and cannot turn them off, but PRAGMA defer_foreign_keys lets the rows that
-- reference reports wait until the transaction ends (D1 docs, "Define foreign keys"). The old table is
-- dropped before the new one is filled, not renamed into place afterwards: SQLite counts the references
-- the drop breaks and only un-counts them when rows are inserted into a table named `reports`.
PRAGMA defer_foreign_keys = on;

CREATE TABLE reports_0005 AS SELECT * FROM reports;
DROP TABLE reports;

CREATE TABLE reports (
  id INTEGER PRIMARY KEY,
  -- receiptHash(receipt); NULL only while a row from before 0006 waits to be hashed
  receipt_hash TEXT UNIQUE CHECK (length(receipt_hash) = 64 AND receipt_hash NOT GLOB '*[^0-9a-f]*'),
  village_code TEXT NOT NULL REFERENCES villages (code),
  -- what the villager sent
  kind TEXT NOT NULL CHECK (kind IN ('question', 'request', 'misconduct')),
  topic TEXT NOT NULL CHECK (topic IN ('affairs', 'policy', 'livelihood', 'conduct')),
  content TEXT NOT NULL,
  contact_name TEXT,
  contact_phone TEXT,
  disclosure_id INTEGER REFERENCES disclosures (id),
  power_item TEXT,
  source TEXT NOT NULL DEFAULT 'web' CHECK (source IN ('web', 'meeting')),
  -- the staff member who filed it on a villager's behalf (NULL: the villager did). Staff saw its receipt
  -- on the slip, so its ratings are counted apart in every figure.
  filed_by TEXT,
  -- exactly-once intake: intakeKey(Idempotency-Key).hash, and the receipt sealed under the key. NULL for
  -- cases staff filed (no retry) and for rows from before 0006 until hashed.
  idempotency_hash TEXT UNIQUE,
  receipt_sealed TEXT CHECK (length(receipt_sealed) = 16 AND receipt_sealed NOT GLOB '*[^0-9]*'),
  body_hash TEXT NOT NULL,
  -- handling (三事分流, 定责 定时 定措施)
  state TEXT NOT NULL DEFAULT 'received'
    CHECK (state IN ('received', 'accepted', 'handling', 'answered', 'closed')),
  route TEXT CHECK (route IN ('township', 'village', 'neighbours', 'discipline')),
  queue TEXT NOT NULL CHECK (queue IN ('village', 'discipline')),
  responsible TEXT,
  deadline TEXT,
  measures TEXT,
  merged_into INTEGER REFERENCES reports (id),
  -- outcome (码上评)
  answer TEXT,
  answered_on TEXT,
  closed_on TEXT,
  reopened INTEGER NOT NULL DEFAULT 0 CHECK (reopened IN (0, 1)),
  rating TEXT CHECK (rating IN ('satisfied', 'basic', 'unsatisfied')),
  rating_comment TEXT,
  received_on TEXT NOT NULL CHECK (received_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  handling_town TEXT REFERENCES towns (code),
  -- rows from before 0006 only, until hashed (then NULL for ever)
  legacy_receipt TEXT UNIQUE,
  legacy_idempotency_key TEXT UNIQUE,
  CHECK ((receipt_hash IS NULL) <> (legacy_receipt IS NULL)),
  CHECK (legacy_idempotency_key IS NULL OR legacy_receipt IS NOT NULL),
  CHECK ((idempotency_hash IS NULL) = (receipt_sealed IS NULL)),
  CHECK (source <> 'meeting' OR filed_by IS NOT NULL),
  CHECK (kind <> 'misconduct' OR (queue = 'discipline' AND route = 'discipline')),
  CHECK ((answer IS NULL) = (answered_on IS NULL))
);

INSERT INTO reports (
  id, village_code, kind, topic, content, contact_name, contact_phone, disclosure_id, power_item, source,
  filed_by, body_hash, state, route, queue, responsible, deadline, measures, merged_into, answer, answered_on,
  closed_on, reopened, rating, rating_comment, received_on, handling_town, legacy_receipt, legacy_idempotency_key
)
SELECT
  r.id, r.village_code, r.kind, r.topic, r.content, r.contact_name, r.contact_phone, r.disclosure_id,
  r.power_item, r.source,
  CASE WHEN r.source = 'meeting' THEN COALESCE(
    (SELECT m.recorded_by FROM meeting_questions q JOIN meetings m ON m.id = q.meeting_id WHERE q.report_id = r.id),
    'unknown'
  ) END,
  r.body_hash, r.state, r.route, r.queue, r.responsible, r.deadline, r.measures, r.merged_into, r.answer,
  r.answered_on, r.closed_on, r.reopened, r.rating, r.rating_comment, r.received_on, r.handling_town,
  r.receipt, r.idempotency_key
FROM reports_0005 r ORDER BY r.id;

DROP TABLE reports_0005;

CREATE INDEX reports_by_village ON reports (village_code, kind, state);
CREATE INDEX reports_by_queue ON reports (queue, state, deadline);
CREATE INDEX reports_by_handling_town ON reports (handling_town);
CREATE INDEX reports_by_answered ON reports (state, answered_on);
