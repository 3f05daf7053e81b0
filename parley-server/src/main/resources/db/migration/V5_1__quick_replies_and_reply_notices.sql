-- Quick replies: a shop's saved answers, checked when saved (a BLOCK verdict is refused, WARN and HOLD are kept and
-- flagged) and checked again, like every message, when sent.
CREATE TABLE quick_reply (
    id         VARCHAR(40)   NOT NULL PRIMARY KEY,
    shop_id    VARCHAR(64)   NOT NULL REFERENCES shop (id),
    shortcut   VARCHAR(32)   NOT NULL,
    text       VARCHAR(2000) NOT NULL,
    action     VARCHAR(8)    NOT NULL,
    verdict    VARCHAR(20000),
    created_by VARCHAR(80)   NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX quick_reply_by_shortcut ON quick_reply (shop_id, shortcut);

-- Replies the buyer has not read yet: one row per conversation, from the first unread reply (since) until the buyer
-- reads it or the notice falls due (due_at); the node that deletes a due row publishes ReplyUnread once.
CREATE TABLE reply_notice (
    conversation_id VARCHAR(40) NOT NULL PRIMARY KEY REFERENCES conversation (id),
    shop_id         VARCHAR(64) NOT NULL,
    since           TIMESTAMP WITH TIME ZONE NOT NULL,
    due_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX reply_notice_by_due ON reply_notice (due_at);
