-- Idempotency-Key of POST /api/reports: a retry of a request whose answer was lost finds the ticket the first one
-- made. Only a SHA-256 of the key is stored; the reporter link's token is kept sealed with a key derived from the
-- idempotency key (so a copy of the database does not open the ticket). The row is written in the transaction that
-- creates the ticket: a concurrent duplicate waits on it, and after a crash there is either both or neither.
-- Portable SQL, as in V1.
CREATE TABLE idempotency_key (
    key_hash       VARCHAR(64) PRIMARY KEY,
    request_hash   VARCHAR(64) NOT NULL,
    ticket_id      BIGINT REFERENCES ticket (id),
    sealed_token   VARCHAR(200),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX idempotency_key_created ON idempotency_key (created_at);
