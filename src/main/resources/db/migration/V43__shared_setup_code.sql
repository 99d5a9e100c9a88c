-- The first-run setup code of instances sharing one database (security.SharedSetupCode, with triage.cluster=true):
-- the first instance to start stores its code's SHA-256 here and prints the code; every instance accepts it.
CREATE TABLE setup_code (
    id          INTEGER PRIMARY KEY,
    code_hash   CHAR(64) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
