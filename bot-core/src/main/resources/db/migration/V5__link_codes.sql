-- Codes sent by email to link a chat account without an invitation. A row is written
-- for every request, whether or not the email belongs to a client (client_id is then
-- empty), so that both cases do the same work and limits count them alike.
CREATE TABLE link_code (
    id BIGINT NOT NULL AUTO_INCREMENT,
    channel VARCHAR(16) NOT NULL,
    external_user_id VARCHAR(64) NOT NULL,
    email VARCHAR(254) NOT NULL,
    client_id BIGINT,
    code_hash VARCHAR(128) NOT NULL,
    attempts INT NOT NULL,
    created_at DATETIME(6) NOT NULL,
    expires_at DATETIME(6) NOT NULL,
    used_at DATETIME(6),
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_link_code_account ON link_code (channel, external_user_id, id);

CREATE INDEX ix_link_code_email ON link_code (email, created_at);
