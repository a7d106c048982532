-- Rate limiting that cannot be turned back into addresses (issue 10 item 8).
--
-- The rows of rate_limits held the village, the China hour and SHA-256(salt ‖ date ‖ address); with the
-- salt, the whole IPv4 space falls in about 90 minutes. They are transient counters, not records (no
-- report, figure or audit row refers to them), and keeping them is the defect, so the table goes.
DROP TABLE rate_limits;

-- One random secret per China date, made on the first use of the day (32 random bytes, hex) and read by
-- every isolate. It is deleted as soon as a later day's secret is made and by the daily cron, so once a day
-- has ended nobody, the operator included, can link that day's counters to an address.
CREATE TABLE daily_secrets (
  day TEXT PRIMARY KEY CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  secret TEXT NOT NULL CHECK (length(secret) = 64)
);

-- Per-client counters. `counter` is HMAC-SHA-256(the day's secret, what is counted ‖ client), where what
-- is counted (a village, all villages, receipt misses) and the hour it counts are inside the MAC: a row
-- shows neither an address, nor a village, nor a time of day. `day` (the China date) is only for deleting
-- rows older than a day. WITHOUT ROWID, so the rows carry no insertion order either.
CREATE TABLE intake_counts (
  counter TEXT PRIMARY KEY,
  day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  hits INTEGER NOT NULL CHECK (hits >= 0),
  -- the request that last took a slot: lets one batch take, check and give back slots atomically
  last TEXT
) WITHOUT ROWID;
CREATE INDEX intake_counts_by_day ON intake_counts (day);

-- The district-wide ceiling: reports accepted in the current minute only. One row, overwritten when the
-- minute turns, so no history of arrival times builds up; `minute` is a MAC of the minute, not the minute.
CREATE TABLE intake_minute (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  minute TEXT NOT NULL,
  accepted INTEGER NOT NULL CHECK (accepted >= 0),
  last TEXT
);
