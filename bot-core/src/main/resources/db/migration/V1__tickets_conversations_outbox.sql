-- One schema for MySQL 8, MariaDB 10.11 and H2 (MODE=MySQL). utf8mb4 everywhere so emoji survive.

CREATE TABLE client (
    id BIGINT NOT NULL AUTO_INCREMENT,
    email VARCHAR(254) NOT NULL,
    full_name VARCHAR(200) NOT NULL,
    company VARCHAR(200),
    language VARCHAR(8) NOT NULL,
    active BOOLEAN NOT NULL,
    documents_url VARCHAR(1000),
    holded_url VARCHAR(1000),
    created_at DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_client_email UNIQUE (email)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE chat_identity (
    id BIGINT NOT NULL AUTO_INCREMENT,
    client_id BIGINT NOT NULL,
    channel VARCHAR(16) NOT NULL,
    external_user_id VARCHAR(64) NOT NULL,
    chat_id VARCHAR(64) NOT NULL,
    display_name VARCHAR(200),
    linked_at DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_chat_identity UNIQUE (channel, external_user_id),
    CONSTRAINT fk_chat_identity_client FOREIGN KEY (client_id) REFERENCES client (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE invitation (
    id BIGINT NOT NULL AUTO_INCREMENT,
    client_id BIGINT NOT NULL,
    token_hash VARCHAR(64) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    expires_at DATETIME(6) NOT NULL,
    used_at DATETIME(6),
    PRIMARY KEY (id),
    CONSTRAINT uk_invitation_token UNIQUE (token_hash),
    CONSTRAINT fk_invitation_client FOREIGN KEY (client_id) REFERENCES client (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE ticket_counter (
    name VARCHAR(32) NOT NULL,
    next_value BIGINT NOT NULL,
    PRIMARY KEY (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

INSERT INTO ticket_counter (name, next_value) VALUES ('ticket', 1001);

CREATE TABLE ticket (
    id BIGINT NOT NULL AUTO_INCREMENT,
    number BIGINT NOT NULL,
    client_id BIGINT NOT NULL,
    department VARCHAR(32) NOT NULL,
    status VARCHAR(32) NOT NULL,
    description LONGTEXT NOT NULL,
    origin_channel VARCHAR(16) NOT NULL,
    staff_thread_ref VARCHAR(64),
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    closed_at DATETIME(6),
    version BIGINT NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_ticket_number UNIQUE (number),
    CONSTRAINT uk_ticket_staff_thread UNIQUE (staff_thread_ref),
    CONSTRAINT fk_ticket_client FOREIGN KEY (client_id) REFERENCES client (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_ticket_client ON ticket (client_id, created_at);

CREATE TABLE ticket_message (
    id BIGINT NOT NULL AUTO_INCREMENT,
    ticket_id BIGINT NOT NULL,
    author_type VARCHAR(16) NOT NULL,
    author_ref VARCHAR(128),
    body LONGTEXT NOT NULL,
    external_ref VARCHAR(128),
    created_at DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_ticket_message_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_ticket_message_ticket ON ticket_message (ticket_id, id);

CREATE TABLE survey (
    id BIGINT NOT NULL AUTO_INCREMENT,
    ticket_id BIGINT NOT NULL,
    client_id BIGINT NOT NULL,
    rating INT NOT NULL,
    comment LONGTEXT,
    answered_at DATETIME(6) NOT NULL,
    commented_at DATETIME(6),
    PRIMARY KEY (id),
    CONSTRAINT uk_survey_ticket UNIQUE (ticket_id),
    CONSTRAINT fk_survey_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE conversation (
    id BIGINT NOT NULL AUTO_INCREMENT,
    channel VARCHAR(16) NOT NULL,
    external_user_id VARCHAR(64) NOT NULL,
    chat_id VARCHAR(64) NOT NULL,
    state VARCHAR(40) NOT NULL,
    variables LONGTEXT NOT NULL,
    language VARCHAR(8) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_conversation UNIQUE (channel, external_user_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE processed_delivery (
    source VARCHAR(16) NOT NULL,
    delivery_id VARCHAR(128) NOT NULL,
    processed_at DATETIME(6) NOT NULL,
    PRIMARY KEY (source, delivery_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE outbox_message (
    id BIGINT NOT NULL AUTO_INCREMENT,
    topic VARCHAR(32) NOT NULL,
    stream_key VARCHAR(128) NOT NULL,
    payload LONGTEXT NOT NULL,
    status VARCHAR(16) NOT NULL,
    attempts INT NOT NULL,
    next_attempt_at DATETIME(6) NOT NULL,
    locked_until DATETIME(6),
    last_error VARCHAR(500),
    created_at DATETIME(6) NOT NULL,
    finished_at DATETIME(6),
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_outbox_pending ON outbox_message (status, stream_key, id);
