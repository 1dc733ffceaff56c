-- Email: single-use links to the survey of a closed ticket (only the SHA-256 of each token is kept),
-- and when staff sent a client their invitation by email.

CREATE TABLE survey_link (
    id BIGINT NOT NULL AUTO_INCREMENT,
    ticket_id BIGINT NOT NULL,
    client_id BIGINT NOT NULL,
    token_hash VARCHAR(64) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    expires_at DATETIME(6) NOT NULL,
    used_at DATETIME(6),
    PRIMARY KEY (id),
    CONSTRAINT uk_survey_link_token UNIQUE (token_hash),
    CONSTRAINT fk_survey_link_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id),
    CONSTRAINT fk_survey_link_client FOREIGN KEY (client_id) REFERENCES client (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE invitation_mail (
    id BIGINT NOT NULL AUTO_INCREMENT,
    client_id BIGINT NOT NULL,
    queued_at DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_invitation_mail_client FOREIGN KEY (client_id) REFERENCES client (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_invitation_mail_client ON invitation_mail (client_id, queued_at);
