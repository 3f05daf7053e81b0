-- Conversations between a buyer and a shop. Instants used for sorting the inbox are epoch milliseconds.
-- open_key is buyer|shop|product|order while the conversation is not CLOSED (NULL once closed), so that a buyer has at
-- most one open conversation per shop, product and order.
CREATE TABLE conversation (
    id                VARCHAR(40)  NOT NULL PRIMARY KEY,
    shop_id           VARCHAR(64)  NOT NULL REFERENCES shop (id),
    buyer_id          VARCHAR(64)  NOT NULL REFERENCES app_user (id),
    product_id        VARCHAR(64),
    order_id          VARCHAR(64),
    status            VARCHAR(16)  NOT NULL,
    open_key          VARCHAR(300),
    assignee_id       VARCHAR(64),
    arbitrator_id     VARCHAR(64),
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    last_message_ms   BIGINT       NOT NULL,
    last_buyer_ms     BIGINT,
    oldest_waiting_ms BIGINT,
    last_buyer_text   VARCHAR(2000),
    event_seq         BIGINT       NOT NULL,
    to_buyer_count    BIGINT       NOT NULL DEFAULT 0,
    to_team_count     BIGINT       NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX conversation_open_key ON conversation (open_key);
CREATE INDEX conversation_by_shop ON conversation (shop_id, last_message_ms);
CREATE INDEX conversation_by_buyer ON conversation (buyer_id, last_message_ms);
CREATE INDEX conversation_by_arbitrator ON conversation (arbitrator_id);

-- Messages are never edited; only status (HELD -> DELIVERED/REJECTED/RETRACTED) and visible_seq change.
-- seq: the conversation event at which the message was created (the team's order); visible_seq: the event at which the
-- buyer could first see it (NULL while not delivered). sender_key identifies the sender for idempotency: a user id, or
-- token:<id> for a shop API token that acts for no member.
CREATE TABLE message (
    id                VARCHAR(40)   NOT NULL PRIMARY KEY,
    shop_id           VARCHAR(64)   NOT NULL,
    conversation_id   VARCHAR(40)   NOT NULL REFERENCES conversation (id),
    seq               BIGINT        NOT NULL,
    visible_seq       BIGINT,
    sender            VARCHAR(16)   NOT NULL,
    sender_id         VARCHAR(64),
    sender_key        VARCHAR(80)   NOT NULL,
    automatic         BOOLEAN       NOT NULL DEFAULT FALSE,
    text              VARCHAR(2000) NOT NULL,
    attachments       VARCHAR(4000),
    card_type         VARCHAR(16),
    card_id           VARCHAR(64),
    status            VARCHAR(16)   NOT NULL,
    action            VARCHAR(8),
    verdict           VARCHAR(20000),
    policy_version    VARCHAR(40),
    placeholder       BOOLEAN       NOT NULL DEFAULT FALSE,
    client_message_id VARCHAR(64),
    request_hash      VARCHAR(64),
    response_status   INT,
    sent_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    delivered_at      TIMESTAMP WITH TIME ZONE,
    reviewed_by       VARCHAR(64),
    reviewed_at       TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX message_by_conversation_seq ON message (conversation_id, seq);
CREATE INDEX message_by_conversation_visible ON message (conversation_id, visible_seq);
CREATE UNIQUE INDEX message_idempotency ON message (conversation_id, sender_key, client_message_id);
CREATE INDEX message_by_shop_status ON message (shop_id, status);

-- Uploaded files; bound to a message when it is sent. Bytes live under ${parley.data-dir}/attachments.
CREATE TABLE attachment (
    id              VARCHAR(40)  NOT NULL PRIMARY KEY,
    owner_key       VARCHAR(80)  NOT NULL,
    shop_id         VARCHAR(64),
    conversation_id VARCHAR(40),
    message_id      VARCHAR(40),
    name            VARCHAR(255) NOT NULL,
    content_type    VARCHAR(100) NOT NULL,
    size_bytes      BIGINT       NOT NULL,
    sha256          VARCHAR(64)  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX attachment_by_message ON attachment (message_id);

-- Per participant read state: how many of the messages addressed to them they had seen.
CREATE TABLE conversation_read (
    conversation_id VARCHAR(40) NOT NULL REFERENCES conversation (id),
    user_key        VARCHAR(80) NOT NULL,
    shop_id         VARCHAR(64) NOT NULL,
    seen_count      BIGINT      NOT NULL,
    read_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (conversation_id, user_key)
);

-- Spring Modulith's event publication registry (schema v2), for @ApplicationModuleListener consumers.
CREATE TABLE event_publication (
    id                     UUID          NOT NULL PRIMARY KEY,
    listener_id            VARCHAR(512)  NOT NULL,
    event_type             VARCHAR(512)  NOT NULL,
    serialized_event       VARCHAR(20000) NOT NULL,
    publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
    completion_date        TIMESTAMP WITH TIME ZONE,
    status                 VARCHAR(20),
    completion_attempts    INT,
    last_resubmission_date TIMESTAMP WITH TIME ZONE
);
CREATE INDEX event_publication_by_completion_date ON event_publication (completion_date);
CREATE INDEX event_publication_by_listener ON event_publication (listener_id);
