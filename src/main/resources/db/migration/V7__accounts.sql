-- Multi-user mode: users (their name is the owner of their tasks and summaries) and API tokens.
-- Passwords are stored as Argon2id hashes; tokens as the SHA-256 of their (random, 256-bit) value.
CREATE TABLE users (
    name           VARCHAR(100)  NOT NULL PRIMARY KEY,
    password_hash  VARCHAR(255)  NOT NULL,
    admin          BOOLEAN       NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE api_tokens (
    id             UUID          NOT NULL PRIMARY KEY,
    user_name      VARCHAR(100)  NOT NULL REFERENCES users (name) ON DELETE CASCADE,
    label          VARCHAR(100)  NOT NULL,
    token_hash     CHAR(64)      NOT NULL UNIQUE,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at   TIMESTAMP WITH TIME ZONE,
    revoked_at     TIMESTAMP WITH TIME ZONE
);

CREATE INDEX api_tokens_user ON api_tokens (user_name);
