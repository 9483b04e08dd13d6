-- Tries of an inbox row that the vendor's rate limit turned away (it said how long to wait):
-- they are retried after that wait and do not count against the row's tries for failures.
ALTER TABLE inbox ADD COLUMN waits integer NOT NULL DEFAULT 0;
