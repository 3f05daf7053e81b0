-- Cases (clause 4.3 and part 四 of the Seller Customer Service Rules): reviewer decisions on messages, abuse reports,
-- violations and their points, enforcement actions, appeals, contests with the checker's regression set, and buyer
-- reports. Every table is keyed by shop.

-- One row per shop, locked while its violations, points and enforcement actions change, so that they change one at a
-- time across nodes.
CREATE TABLE shop_standing (
    shop_id    VARCHAR(64) NOT NULL PRIMARY KEY,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Every decision on a seller message after the verdict it got when sent (which the message keeps): a reviewer's
-- release or rejection, a new check of a message held by an enforcement action, a contest's outcome, a violation
-- recorded by a reviewer.
CREATE TABLE message_decision (
    id          VARCHAR(40)    NOT NULL PRIMARY KEY,
    shop_id     VARCHAR(64)    NOT NULL,
    message_id  VARCHAR(40)    NOT NULL,
    kind        VARCHAR(24)    NOT NULL,
    action      VARCHAR(8),
    verdict     VARCHAR(20000),
    reason      VARCHAR(2000),
    decided_by  VARCHAR(80),
    decided_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX message_decision_by_message ON message_decision (message_id, decided_at);

-- A seller team's report of a buyer's messages (clause 4.3). evidence is the frozen snapshot of the messages and their
-- context, taken when the report was filed and never changed; evidence_sha256 is its SHA-256.
CREATE TABLE abuse_report (
    id              VARCHAR(40)      NOT NULL PRIMARY KEY,
    shop_id         VARCHAR(64)      NOT NULL,
    conversation_id VARCHAR(40)      NOT NULL,
    buyer_id        VARCHAR(64)      NOT NULL,
    category        VARCHAR(32)      NOT NULL,
    note            VARCHAR(2000),
    status          VARCHAR(16)      NOT NULL,
    reported_by     VARCHAR(80)      NOT NULL,
    reported_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    evidence        VARCHAR(1000000) NOT NULL,
    evidence_sha256 VARCHAR(64)      NOT NULL,
    decided_by      VARCHAR(80),
    decided_at      TIMESTAMP WITH TIME ZONE,
    decision_note   VARCHAR(2000)
);
CREATE INDEX abuse_report_by_shop ON abuse_report (shop_id, reported_at);
CREATE INDEX abuse_report_by_status ON abuse_report (status, reported_at);

-- The buyer messages a report covers.
CREATE TABLE abuse_report_message (
    report_id  VARCHAR(40) NOT NULL REFERENCES abuse_report (id),
    message_id VARCHAR(40) NOT NULL,
    shop_id    VARCHAR(64) NOT NULL,
    PRIMARY KEY (report_id, message_id)
);
CREATE INDEX abuse_report_message_by_message ON abuse_report_message (message_id);

-- A breach of a rule by a shop: from a blocked message, a held message a reviewer rejected, a buyer's report a reviewer
-- confirmed, or a reviewer's own finding. Its points count until expires_at unless it is withdrawn (an overturned
-- contest).
CREATE TABLE violation (
    id               VARCHAR(40)   NOT NULL PRIMARY KEY,
    shop_id          VARCHAR(64)   NOT NULL,
    message_id       VARCHAR(40)   NOT NULL,
    conversation_id  VARCHAR(40)   NOT NULL,
    rule             VARCHAR(40)   NOT NULL,
    clause           VARCHAR(16)   NOT NULL,
    kind             VARCHAR(40),
    source           VARCHAR(16)   NOT NULL,
    evidence         VARCHAR(2000),
    evidence_start   INT,
    evidence_end     INT,
    note             VARCHAR(2000),
    points           INT           NOT NULL,
    occurred_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by      VARCHAR(80),
    withdrawn_at     TIMESTAMP WITH TIME ZONE,
    withdrawn_reason VARCHAR(2000)
);
CREATE UNIQUE INDEX violation_by_message_rule ON violation (message_id, rule);
CREATE INDEX violation_by_shop ON violation (shop_id, recorded_at);

-- An enforcement action on a shop (part 四): a warning, every message held for review, or messaging suspended, from
-- starts_at until ends_at (a warning has no end). ended_at is when the sweep saw it end; lifted_at when an appeal or a
-- withdrawn cause lifted it early.
CREATE TABLE enforcement_action (
    id                  VARCHAR(40)   NOT NULL PRIMARY KEY,
    shop_id             VARCHAR(64)   NOT NULL,
    kind                VARCHAR(16)   NOT NULL,
    cause               VARCHAR(16)   NOT NULL,
    reason              VARCHAR(2000) NOT NULL,
    points              INT,
    threshold           INT,
    evaluated_at        TIMESTAMP WITH TIME ZONE,
    evaluation_revision INT,
    response_rate       DOUBLE PRECISION,
    created_by          VARCHAR(80),
    starts_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at             TIMESTAMP WITH TIME ZONE,
    ended_at            TIMESTAMP WITH TIME ZONE,
    lifted_at           TIMESTAMP WITH TIME ZONE,
    lifted_by           VARCHAR(80),
    lifted_reason       VARCHAR(2000)
);
CREATE INDEX enforcement_action_by_shop ON enforcement_action (shop_id, starts_at);
CREATE INDEX enforcement_action_running ON enforcement_action (ended_at, ends_at);

-- The violations whose points made an action start (those active when it did).
CREATE TABLE enforcement_action_violation (
    action_id    VARCHAR(40) NOT NULL REFERENCES enforcement_action (id),
    violation_id VARCHAR(40) NOT NULL REFERENCES violation (id),
    shop_id      VARCHAR(64) NOT NULL,
    PRIMARY KEY (action_id, violation_id)
);
CREATE INDEX enforcement_action_violation_by_violation ON enforcement_action_violation (violation_id);

-- A shop's appeal of an enforcement action: one per action.
CREATE TABLE appeal (
    id            VARCHAR(40)   NOT NULL PRIMARY KEY,
    shop_id       VARCHAR(64)   NOT NULL,
    action_id     VARCHAR(40)   NOT NULL REFERENCES enforcement_action (id),
    statement     VARCHAR(4000) NOT NULL,
    filed_by      VARCHAR(80)   NOT NULL,
    filed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    status        VARCHAR(16)   NOT NULL,
    decided_by    VARCHAR(80),
    decided_at    TIMESTAMP WITH TIME ZONE,
    decision_note VARCHAR(2000)
);
CREATE UNIQUE INDEX appeal_once ON appeal (action_id);
CREATE INDEX appeal_by_status ON appeal (status, filed_at);
CREATE INDEX appeal_by_shop ON appeal (shop_id, filed_at);

-- A shop's contest of the verdict on a blocked or rejected message: one per message.
CREATE TABLE contest (
    id              VARCHAR(40)   NOT NULL PRIMARY KEY,
    shop_id         VARCHAR(64)   NOT NULL,
    message_id      VARCHAR(40)   NOT NULL,
    conversation_id VARCHAR(40)   NOT NULL,
    statement       VARCHAR(4000) NOT NULL,
    filed_by        VARCHAR(80)   NOT NULL,
    filed_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    expected_action VARCHAR(8),
    decided_by      VARCHAR(80),
    decided_at      TIMESTAMP WITH TIME ZONE,
    decision_note   VARCHAR(2000)
);
CREATE UNIQUE INDEX contest_once ON contest (message_id);
CREATE INDEX contest_by_status ON contest (status, filed_at);
CREATE INDEX contest_by_shop ON contest (shop_id, filed_at);

-- Messages whose verdict a reviewer overturned, as `parley check` input lines with the expected outcome.
CREATE TABLE regression_case (
    message_id VARCHAR(40)    NOT NULL PRIMARY KEY,
    shop_id    VARCHAR(64)    NOT NULL,
    contest_id VARCHAR(40)    NOT NULL,
    input_line VARCHAR(100000) NOT NULL,
    added_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX regression_case_by_added_at ON regression_case (added_at);

-- A buyer's report of a seller message that reached them.
CREATE TABLE buyer_report (
    id              VARCHAR(40)   NOT NULL PRIMARY KEY,
    shop_id         VARCHAR(64)   NOT NULL,
    conversation_id VARCHAR(40)   NOT NULL,
    message_id      VARCHAR(40)   NOT NULL,
    buyer_id        VARCHAR(64)   NOT NULL,
    reason          VARCHAR(2000) NOT NULL,
    rule            VARCHAR(40),
    status          VARCHAR(24)   NOT NULL,
    filed_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_by      VARCHAR(80),
    decided_at      TIMESTAMP WITH TIME ZONE,
    decision_note   VARCHAR(2000),
    violation_id    VARCHAR(40)
);
CREATE UNIQUE INDEX buyer_report_once ON buyer_report (message_id, buyer_id);
CREATE INDEX buyer_report_by_status ON buyer_report (status, filed_at);
CREATE INDEX buyer_report_by_buyer ON buyer_report (buyer_id, filed_at);
