-- 一季一晒: each village's quarterly 三务三资 阳光报告会, one per village per quarter.
-- 述: the disclosures reported (meeting_disclosures); 询: each question raised becomes a case in
-- reports with source 'meeting' (meeting_questions); 定: given through the case console;
-- 评: the tallies of the party members' and villager representatives' ratings.
CREATE TABLE meetings (
  id INTEGER PRIMARY KEY,
  village_code TEXT NOT NULL REFERENCES villages (code),
  quarter TEXT NOT NULL CHECK (quarter GLOB '[0-9][0-9][0-9][0-9]-Q[1-4]'),
  held_on TEXT NOT NULL CHECK (held_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  place TEXT NOT NULL,
  -- attendance
  attendees INTEGER NOT NULL CHECK (attendees >= 1),
  party_members INTEGER NOT NULL DEFAULT 0 CHECK (party_members >= 0),
  representatives INTEGER NOT NULL DEFAULT 0 CHECK (representatives >= 0),
  -- 评
  satisfied INTEGER NOT NULL DEFAULT 0 CHECK (satisfied >= 0),
  basic INTEGER NOT NULL DEFAULT 0 CHECK (basic >= 0),
  unsatisfied INTEGER NOT NULL DEFAULT 0 CHECK (unsatisfied >= 0),
  -- who recorded it (a staff username) and when
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  UNIQUE (village_code, quarter),
  CHECK (party_members + representatives <= attendees),
  CHECK (satisfied + basic + unsatisfied <= attendees)
);

-- 述: the published disclosures the secretary reported on.
CREATE TABLE meeting_disclosures (
  meeting_id INTEGER NOT NULL REFERENCES meetings (id),
  disclosure_id INTEGER NOT NULL REFERENCES disclosures (id),
  PRIMARY KEY (meeting_id, disclosure_id)
);

-- 询: the cases the meeting's questions became.
CREATE TABLE meeting_questions (
  meeting_id INTEGER NOT NULL REFERENCES meetings (id),
  report_id INTEGER NOT NULL UNIQUE REFERENCES reports (id),
  PRIMARY KEY (meeting_id, report_id)
);
