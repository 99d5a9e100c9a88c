package dev.triagedesk.system;

import java.sql.SQLException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.jdbc.support.SQLExceptionSubclassTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;

/**
 * A lock waited for past the database's lock timeout (2 s on H2 and PostgreSQL) is a lock failure through
 * {@code JdbcTemplate} too, as Hibernate already calls it: JdbcTemplate's own translation made H2's a query timeout
 * and left PostgreSQL's uncategorized, so callers that retry lock failures and answer "busy" (a report's incident
 * slot, staff actions) did neither and answered 500. Boot's JdbcTemplate takes this translator; every other error is
 * translated as JdbcTemplate does by default.
 */
@Configuration(proxyBeanMethods = false)
class LockTimeoutTranslation {

    /** H2's error code of a lock wait that ran past its timeout (LOCK_TIMEOUT_1). */
    static final int H2_LOCK_TIMEOUT = 50200;
    /** PostgreSQL's SQL state of a lock wait that ran past {@code lock_timeout} (lock_not_available). */
    static final String POSTGRES_LOCK_NOT_AVAILABLE = "55P03";

    @Bean
    SQLExceptionTranslator sqlExceptionTranslator() {
        SQLExceptionTranslator usual = new SQLExceptionSubclassTranslator();
        return (task, sql, e) -> isLockTimeout(e)
                ? new CannotAcquireLockException(task + "; the lock stayed held: " + e.getMessage(), e)
                : usual.translate(task, sql, e);
    }

    static boolean isLockTimeout(SQLException e) {
        return POSTGRES_LOCK_NOT_AVAILABLE.equals(e.getSQLState())
                || e.getErrorCode() == H2_LOCK_TIMEOUT && "HYT00".equals(e.getSQLState());
    }
}
