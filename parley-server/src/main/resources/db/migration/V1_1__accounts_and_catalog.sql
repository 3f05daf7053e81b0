-- Accounts: shops, users, team roles, tokens. Ids of shops, users, products and orders are the marketplace's own.
CREATE TABLE shop (
    id                    VARCHAR(64)  NOT NULL PRIMARY KEY,
    name                  VARCHAR(200) NOT NULL,
    zone                  VARCHAR(64)  NOT NULL,
    region                VARCHAR(8),
    language              VARCHAR(35)  NOT NULL,
    messaging_restriction VARCHAR(16)  NOT NULL DEFAULT 'NONE',
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE app_user (
    id            VARCHAR(64)  NOT NULL PRIMARY KEY,
    username      VARCHAR(64)  NOT NULL,
    display_name  VARCHAR(100) NOT NULL,
    legal_name    VARCHAR(200),
    email         VARCHAR(320),
    phone         VARCHAR(64),
    password_hash VARCHAR(200),
    kind          VARCHAR(16)  NOT NULL,
    platform_role VARCHAR(16),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX app_user_by_username ON app_user (username);

CREATE TABLE team_member (
    shop_id VARCHAR(64) NOT NULL REFERENCES shop (id),
    user_id VARCHAR(64) NOT NULL REFERENCES app_user (id),
    role    VARCHAR(16) NOT NULL,
    PRIMARY KEY (shop_id, user_id)
);
CREATE INDEX team_member_by_user ON team_member (user_id);

-- Session tokens (kind SESSION, of a user) and shop API tokens (kind API, of a shop, acting for a member or not).
-- Only the SHA-256 of a token is stored.
CREATE TABLE access_token (
    token_hash VARCHAR(64)  NOT NULL PRIMARY KEY,
    id         VARCHAR(40)  NOT NULL,
    kind       VARCHAR(16)  NOT NULL,
    shop_id    VARCHAR(64)  REFERENCES shop (id),
    user_id    VARCHAR(64)  REFERENCES app_user (id),
    name       VARCHAR(100),
    scopes     VARCHAR(200) NOT NULL DEFAULT '',
    created_by VARCHAR(64),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE,
    revoked_at TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX access_token_by_id ON access_token (id);
CREATE INDEX access_token_by_shop ON access_token (shop_id, kind);
CREATE INDEX access_token_by_user ON access_token (user_id);

-- Catalog: products (the listing a message is judged against) and orders.
CREATE TABLE product (
    id              VARCHAR(64)    NOT NULL PRIMARY KEY,
    shop_id         VARCHAR(64)    NOT NULL REFERENCES shop (id),
    title           VARCHAR(300)   NOT NULL,
    language        VARCHAR(35),
    price           DECIMAL(19, 4),
    currency        VARCHAR(3),
    return_days     INT,
    free_returns    BOOLEAN,
    warranty_months INT,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX product_by_shop ON product (shop_id);

CREATE TABLE customer_order (
    id         VARCHAR(64) NOT NULL PRIMARY KEY,
    shop_id    VARCHAR(64) NOT NULL REFERENCES shop (id),
    buyer_id   VARCHAR(64) NOT NULL REFERENCES app_user (id),
    status     VARCHAR(32) NOT NULL,
    placed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX customer_order_by_shop ON customer_order (shop_id, buyer_id);
CREATE INDEX customer_order_by_buyer ON customer_order (buyer_id);

CREATE TABLE order_line (
    order_id   VARCHAR(64) NOT NULL REFERENCES customer_order (id),
    line_no    INT         NOT NULL,
    shop_id    VARCHAR(64) NOT NULL,
    product_id VARCHAR(64) NOT NULL,
    quantity   INT         NOT NULL,
    PRIMARY KEY (order_id, line_no)
);
