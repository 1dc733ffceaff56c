-- Staff of the firm (they answer in Slack and sign in to the admin web), the audit log of admin
-- actions, and the messages of the web chat in which staff try the bot.

CREATE TABLE staff (
    id BIGINT NOT NULL AUTO_INCREMENT,
    full_name VARCHAR(200) NOT NULL,
    email VARCHAR(254) NOT NULL,
    slack_user_id VARCHAR(32),
    role VARCHAR(16) NOT NULL,
    departments VARCHAR(200) NOT NULL,
    password_hash VARCHAR(100),
    password_change_required BOOLEAN NOT NULL,
    active BOOLEAN NOT NULL,
    created_at DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_staff_email UNIQUE (email),
    CONSTRAINT uk_staff_slack_user UNIQUE (slack_user_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE audit_entry (
    id BIGINT NOT NULL AUTO_INCREMENT,
    occurred_at DATETIME(6) NOT NULL,
    actor VARCHAR(254) NOT NULL,
    action VARCHAR(64) NOT NULL,
    target VARCHAR(200) NOT NULL,
    details VARCHAR(2000),
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_audit_entry_time ON audit_entry (occurred_at);

CREATE TABLE web_chat_message (
    id BIGINT NOT NULL AUTO_INCREMENT,
    chat_id VARCHAR(64) NOT NULL,
    payload LONGTEXT NOT NULL,
    created_at DATETIME(6) NOT NULL,
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_web_chat_message_chat ON web_chat_message (chat_id, id);
