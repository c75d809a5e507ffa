-- The backend instances sharing this database, each under the random id it holds a session
-- advisory lock on while it runs (store/locks.rs): an instance whose lock is gone has stopped.
-- Counting the live ones gives each its share of Alcméon's rate limit.
CREATE TABLE instances (
    id BIGINT PRIMARY KEY,
    started_at_ms BIGINT NOT NULL
);
