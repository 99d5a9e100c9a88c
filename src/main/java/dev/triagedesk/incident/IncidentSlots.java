package dev.triagedesk.incident;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Serializes the reports of one fingerprint while they find or open their incident: each fingerprint falls into
 * one of the {@code incident_slot} rows, and the slot's row is locked until the transaction ends. Two reports of the
 * same problem arriving together would otherwise both find no incident and open two. Different problems rarely share
 * a slot, and then only wait a moment.
 */
@Component
class IncidentSlots {

    static final int SLOTS = 256;

    private final JdbcTemplate jdbc;

    IncidentSlots(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void lock(String fingerprintHash) {
        int slot = Integer.parseInt(fingerprintHash.substring(0, 2), 16) % SLOTS;
        // a lock timeout here is a CannotAcquireLockException (system.LockTimeoutTranslation): retried, then "busy"
        jdbc.queryForObject("SELECT slot FROM incident_slot WHERE slot = ? FOR UPDATE", Integer.class, slot);
    }
}
