-- A villager's question (码上问), request (码上办) or misconduct report (我要监督), followed by receipt.
-- No IP address, User-Agent or time of day is ever stored with a report: dates only (China time).
CREATE TABLE reports (
  id INTEGER PRIMARY KEY,
  -- 15 random digits + a Damm check digit
  receipt TEXT NOT NULL UNIQUE CHECK (length(receipt) = 16 AND receipt NOT GLOB '*[^0-9]*'),
  village_code TEXT NOT NULL REFERENCES villages (code),
  -- what the villager sent
  kind TEXT NOT NULL CHECK (kind IN ('question', 'request', 'misconduct')),
  topic TEXT NOT NULL CHECK (topic IN ('affairs', 'policy', 'livelihood', 'conduct')),
  content TEXT NOT NULL,
  contact_name TEXT,
  contact_phone TEXT,
  disclosure_id INTEGER REFERENCES disclosures (id),
  -- a 小微权力 list item the villager came from, e.g. a negative item on /v/<code>/power/
  power_item TEXT,
  source TEXT NOT NULL DEFAULT 'web' CHECK (source IN ('web', 'meeting')),
  -- exactly-once intake: a retry with the same key and the same body_hash gets the same receipt
  idempotency_key TEXT NOT NULL UNIQUE,
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
  -- a misconduct report belongs to the town discipline inspectors, never to the village's cadres
  CHECK (kind <> 'misconduct' OR (queue = 'discipline' AND route = 'discipline')),
  CHECK ((answer IS NULL) = (answered_on IS NULL))
);
CREATE INDEX reports_by_village ON reports (village_code, kind, state);
CREATE INDEX reports_by_queue ON reports (queue, state, deadline);

-- Every change of a report. Public events form the villager's timeline; the others are internal.
CREATE TABLE report_events (
  id INTEGER PRIMARY KEY,
  report_id INTEGER NOT NULL REFERENCES reports (id),
  kind TEXT NOT NULL CHECK (kind IN (
    'received', 'accepted', 'triaged', 'assigned', 'answered', 'rated', 'reopened', 'closed',
    'note', 'transferred', 'merged', 'escalated'
  )),
  public INTEGER NOT NULL CHECK (public IN (0, 1)),
  body TEXT,
  -- 'villager', 'system' or a staff username
  actor TEXT NOT NULL,
  on_date TEXT NOT NULL CHECK (on_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')
);
CREATE INDEX report_events_by_report ON report_events (report_id, id);

-- Submission counters for rate limiting, kept apart from reports. `client` is
-- SHA-256(RATE_LIMIT_SALT ‖ China date ‖ client address), so it rotates daily and cannot be joined to a
-- report; '*' counts everyone. Rows from earlier days are pruned on every submission.
CREATE TABLE rate_limits (
  client TEXT NOT NULL,
  -- a village code, or '*' for the global ceiling
  scope TEXT NOT NULL,
  -- the China hour ('2026-11-29T14') or minute ('2026-11-29T14:05') being counted
  slot TEXT NOT NULL,
  day TEXT NOT NULL,
  hits INTEGER NOT NULL CHECK (hits >= 1),
  PRIMARY KEY (client, scope, slot)
);
CREATE INDEX rate_limits_by_day ON rate_limits (day);
