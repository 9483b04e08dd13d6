-- Inbox rows from file imports (POST /v1/connections/{id}/imports): one row per CSV row or vCard.
ALTER TABLE inbox DROP CONSTRAINT inbox_origin_check;
ALTER TABLE inbox ADD CONSTRAINT inbox_origin_check
  CHECK (origin IN ('webhook', 'pull', 'replay', 'upload'));
