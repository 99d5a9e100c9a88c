package dev.triagedesk.incident;

import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.UncategorizedSQLException;
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
    /** PostgreSQL's SQL state of a lock wait that ran past {@code lock_timeout}. */
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private final JdbcTemplate jdbc;

    IncidentSlots(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void lock(String fingerprintHash) {
        int slot = Integer.parseInt(fingerprintHash.substring(0, 2), 16) % SLOTS;
        try {
            jdbc.queryForObject("SELECT slot FROM incident_slot WHERE slot = ? FOR UPDATE", Integer.class, slot);
        } catch (QueryTimeoutException | UncategorizedSQLException e) {
            // a lock timeout, which JdbcTemplate calls a query timeout on H2 and leaves uncategorized on PostgreSQL
            // (SQL state 55P03), where Hibernate calls both a lock failure: callers retry lock failures and answer
            // "busy" when they keep losing
            if (e instanceof UncategorizedSQLException u && (u.getSQLException() == null
                    || !LOCK_NOT_AVAILABLE.equals(u.getSQLException().getSQLState()))) {
                throw e;
            }
            throw new CannotAcquireLockException("The incident slot of this problem stayed locked", e);
        }
    }
}
