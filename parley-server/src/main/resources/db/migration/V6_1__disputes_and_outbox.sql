-- Disputes: a buyer or the shop's team escalates a conversation; a platform arbitrator takes it, writes in it as
-- `platform` and decides it. open_key is the conversation id while the dispute is not decided, so that a conversation
-- has at most one open dispute (NULLs do not collide in a unique index on H2 or PostgreSQL).
CREATE TABLE dispute (
    id              VARCHAR(40)   NOT NULL PRIMARY KEY,
    shop_id         VARCHAR(64)   NOT NULL,
    conversation_id VARCHAR(40)   NOT NULL,
    buyer_id        VARCHAR(64)   NOT NULL,
    opened_by       VARCHAR(80)   NOT NULL,
    opened_side     VARCHAR(8)    NOT NULL,
    reason          VARCHAR(2000) NOT NULL,
    status          VARCHAR(12)   NOT NULL,
    filed_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    arbitrator_id   VARCHAR(80),
    taken_at        TIMESTAMP WITH TIME ZONE,
    outcome         VARCHAR(24),
    decision        VARCHAR(2000),
    decided_at      TIMESTAMP WITH TIME ZONE,
    open_key        VARCHAR(40)
);
CREATE UNIQUE INDEX dispute_one_open ON dispute (open_key);
CREATE INDEX dispute_by_conversation ON dispute (conversation_id, filed_at);
CREATE INDEX dispute_by_status ON dispute (status, filed_at);

-- Every e-mail notice is stored here first (in the transaction of what it tells), then delivered by one node:
-- PENDING rows are claimed with a conditional UPDATE (status SENDING until claimed_until), sent through SMTP and marked
-- SENT, or PENDING again with next_attempt_at after a failure, or FAILED after the last attempt. Without SMTP (the
-- embedded default) notices are stored as KEPT and only read by staff.
CREATE TABLE mail_outbox (
    id              VARCHAR(40)   NOT NULL PRIMARY KEY,
    kind            VARCHAR(32)   NOT NULL,
    subject_ref     VARCHAR(80),
    to_user_id      VARCHAR(64),
    to_address      VARCHAR(320)  NOT NULL,
    from_address    VARCHAR(320)  NOT NULL,
    subject         VARCHAR(500)  NOT NULL,
    body            VARCHAR(20000) NOT NULL,
    status          VARCHAR(12)   NOT NULL,
    attempts        INTEGER       NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE,
    claimed_by      VARCHAR(80),
    claimed_until   TIMESTAMP WITH TIME ZONE,
    sent_at         TIMESTAMP WITH TIME ZONE,
    error           VARCHAR(2000)
);
CREATE INDEX mail_outbox_by_created ON mail_outbox (created_at, id);
CREATE INDEX mail_outbox_due ON mail_outbox (status, next_attempt_at);
