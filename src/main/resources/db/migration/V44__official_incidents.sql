-- The vendor's status page (statuspage package): its incidents and components as last imported from the
-- Statuspage JSON API. Rows are keyed by the vendor's own ids and replaced on each import. Portable SQL, as in V1.
CREATE TABLE official_incident (
    id           VARCHAR(64) PRIMARY KEY,
    name         VARCHAR(500) NOT NULL,
    status       VARCHAR(40) NOT NULL,
    impact       VARCHAR(40) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    resolved_at  TIMESTAMP WITH TIME ZONE,
    components   VARCHAR(2000) NOT NULL,
    link         VARCHAR(1000) NOT NULL,
    imported_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX official_incident_created ON official_incident (created_at);

CREATE TABLE status_component (
    id           VARCHAR(64) PRIMARY KEY,
    name         VARCHAR(500) NOT NULL,
    status       VARCHAR(40) NOT NULL,
    imported_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
