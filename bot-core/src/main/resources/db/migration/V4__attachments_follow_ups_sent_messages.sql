-- Files on tickets, both ways. A row exists as soon as the file is announced; the
-- bytes arrive later (status PENDING -> STORED, or FAILED with the reason).
CREATE TABLE ticket_attachment (
    id BIGINT NOT NULL AUTO_INCREMENT,
    ticket_id BIGINT NOT NULL,
    message_id BIGINT NOT NULL,
    direction VARCHAR(16) NOT NULL,
    source_channel VARCHAR(16) NOT NULL,
    source_ref VARCHAR(255) NOT NULL,
    file_name VARCHAR(255) NOT NULL,
    media_type VARCHAR(128) NOT NULL,
    size_bytes BIGINT NOT NULL,
    status VARCHAR(16) NOT NULL,
    storage_key VARCHAR(255),
    failure VARCHAR(255),
    created_at DATETIME(6) NOT NULL,
    stored_at DATETIME(6),
    PRIMARY KEY (id),
    CONSTRAINT fk_ticket_attachment_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id),
    CONSTRAINT fk_ticket_attachment_message FOREIGN KEY (message_id) REFERENCES ticket_message (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_ticket_attachment_message ON ticket_attachment (message_id, id);

-- A message written on a ticket closed too long ago starts a new one that points back.
ALTER TABLE ticket ADD COLUMN follow_up_of BIGINT NULL;

-- Client messages keep the platform's id of the chat message, so that edits find them.
CREATE INDEX ix_ticket_message_external ON ticket_message (external_ref);

-- Which ticket each bot message in a chat was about, so that a reply to it finds it.
CREATE TABLE sent_message (
    channel VARCHAR(16) NOT NULL,
    chat_id VARCHAR(64) NOT NULL,
    message_ref VARCHAR(64) NOT NULL,
    ticket_id BIGINT NOT NULL,
    created_at DATETIME(6) NOT NULL,
    PRIMARY KEY (channel, chat_id, message_ref),
    CONSTRAINT fk_sent_message_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
