-- Every policy an operator activated, in order; the row with the highest seq is the active policy of every node.
-- text is the policy as written (YAML), sha256 its digest; source says where it came from (file:<path>, built-in, api).
CREATE TABLE policy_version (
    seq           BIGINT          NOT NULL PRIMARY KEY,
    version       VARCHAR(40)     NOT NULL,
    source        VARCHAR(400)    NOT NULL,
    text          VARCHAR(1000000) NOT NULL,
    sha256        VARCHAR(64)     NOT NULL,
    activated_by  VARCHAR(64),
    activated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX policy_version_by_version ON policy_version (version);

-- The seller history the checker needs: a shop's recent seller messages (repetition across buyers, clause 3.5), and
-- the seller messages of the last days, newest first (dry runs of a candidate policy). Queries order by every column
-- of the index (equal ones too) so that H2 reads the index backwards instead of sorting.
CREATE INDEX message_by_shop_sender_sent ON message (shop_id, sender, sent_at, id);
CREATE INDEX message_by_sender_sent ON message (sender, sent_at, id);
