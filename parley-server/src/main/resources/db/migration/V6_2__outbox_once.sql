-- A notice is stored once per what it tells (kind and subject_ref: the dispute, or the conversation and the start of
-- the unread stretch) and recipient, so that an event delivered again (the event publication registry republishes
-- incomplete ones at start) does not send it twice.
CREATE UNIQUE INDEX mail_outbox_once ON mail_outbox (kind, subject_ref, to_address);
