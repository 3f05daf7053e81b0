-- Enforcement actions restrict a shop's messaging for a time (clause 四.2): each timed restriction lapses on its own at
-- its end instant (read at every send), so no sweep has to run for it to end on time.
ALTER TABLE shop ADD COLUMN messaging_suspended_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE shop ADD COLUMN messaging_held_until TIMESTAMP WITH TIME ZONE;

-- The reviewer's note on a held message they released or rejected: the reason a rejection gives the seller.
ALTER TABLE message ADD COLUMN review_note VARCHAR(2000);

-- The review queue (held messages, oldest first) and reviewers' searches by status and time.
CREATE INDEX message_by_status_sent_at ON message (status, sent_at);
