-- Failed sign-ins counted for every instance at once (security.JdbcSignInFailures, with triage.cluster=true);
-- the throttle's key (account name, address or both) is stored as its SHA-256 only.
CREATE TABLE sign_in_failure (
    key_hash  CHAR(64) PRIMARY KEY,
    failures  INTEGER NOT NULL,
    last_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One row per scheduled job: whichever instance moves locked_until past now runs the job (cluster.ClusterLock).
CREATE TABLE scheduled_lock (
    name          VARCHAR(64) PRIMARY KEY,
    locked_until  TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_by     VARCHAR(255) NOT NULL
);
