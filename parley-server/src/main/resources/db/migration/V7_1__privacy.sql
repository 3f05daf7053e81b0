-- Buyer privacy (section 2 of the Seller Customer Service Rules): shipping contacts of orders, the audit log of reads of
-- personal data, and erasure of buyer accounts.

-- Where an order goes: given by the marketplace with the order; sellers read it only through the audited
-- shipping-contact endpoint. Erasure clears it.
ALTER TABLE customer_order ADD COLUMN ship_name VARCHAR(200);
ALTER TABLE customer_order ADD COLUMN ship_line1 VARCHAR(200);
ALTER TABLE customer_order ADD COLUMN ship_line2 VARCHAR(200);
ALTER TABLE customer_order ADD COLUMN ship_city VARCHAR(100);
ALTER TABLE customer_order ADD COLUMN ship_postal_code VARCHAR(20);
ALTER TABLE customer_order ADD COLUMN ship_country VARCHAR(2);
ALTER TABLE customer_order ADD COLUMN ship_phone VARCHAR(64);

-- When a user's personal data was erased (NULL: never); an erased account cannot sign in or be upserted again.
ALTER TABLE app_user ADD COLUMN erased_at TIMESTAMP WITH TIME ZONE;

-- Append-only: every read of a buyer's unmasked personal data, every export and every erasure. The code only ever
-- inserts; ids are time-ordered (UUID v7), so id order is time order. Keyed by shop where a shop is involved.
CREATE TABLE audit_log (
    id          VARCHAR(40)   NOT NULL PRIMARY KEY,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    action      VARCHAR(40)   NOT NULL,
    actor_id    VARCHAR(80),
    actor_role  VARCHAR(40)   NOT NULL,
    shop_id     VARCHAR(64),
    subject_id  VARCHAR(64)   NOT NULL,
    fields      VARCHAR(400)  NOT NULL,
    order_id    VARCHAR(64),
    purpose     VARCHAR(40),
    token_id    VARCHAR(40),
    ip          VARCHAR(64),
    detail      VARCHAR(1000)
);
CREATE INDEX audit_log_by_subject ON audit_log (subject_id, id);
CREATE INDEX audit_log_by_actor ON audit_log (actor_id, id);
CREATE INDEX audit_log_by_shop ON audit_log (shop_id, id);
CREATE INDEX audit_log_by_time ON audit_log (occurred_at);

-- The key of the pseudonyms given to erased users (HMAC-SHA256 of the user id), made once at random unless
-- parley.privacy.pseudonym-key is set.
CREATE TABLE pseudonym_key (
    id         INT          NOT NULL PRIMARY KEY,
    secret     VARCHAR(100) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
