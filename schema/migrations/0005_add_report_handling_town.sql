-- A case can be transferred to another town (转办). NULL: handled by the town of the report's village.
ALTER TABLE reports ADD COLUMN handling_town TEXT REFERENCES towns (code);
CREATE INDEX reports_by_handling_town ON reports (handling_town);
-- Answered cases waiting for the villager's rating, for closing them after AUTO_CLOSE_DAYS.
CREATE INDEX reports_by_answered ON reports (state, answered_on);
