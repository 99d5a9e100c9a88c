package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The findings of an upload (failing requests, console findings, signals, request IDs: thousands of rows for a
 * large HAR) take their ids from sequences instead of identity columns, so Hibernate can hand out ids without
 * asking the database row by row and insert the rows in JDBC batches. Each sequence counts in steps of
 * {@value #STEP} (Hibernate's pooled optimizer takes a block of ids per call) and starts a whole step above the
 * highest id stored, since the optimizer counts a block back from the value it is given. The column's default
 * becomes the sequence's next value, so a plain {@code INSERT} without an id (scripts, the queue benchmark) still
 * works: it takes one value of the sequence, which no block handed to Hibernate contains.
 *
 * <p>A Java migration because the start depends on the data and neither database takes the other's way of
 * setting it ({@code setval} on PostgreSQL, a query in {@code RESTART WITH} on H2).
 */
public class V55__finding_ids_from_sequences extends BaseJavaMigration {

    /** Must equal the {@code allocationSize} of the entities' {@code @SequenceGenerator}. */
    static final int STEP = 50;
    static final List<String> TABLES = List.of("failing_request", "console_finding", "finding_signal",
            "request_identifier");

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        boolean postgres = "PostgreSQL".equals(c.getMetaData().getDatabaseProductName());
        try (Statement s = c.createStatement()) {
            for (String table : TABLES) {
                String sequence = table + "_seq";
                long start = highestId(s, table) + STEP;
                s.execute("CREATE SEQUENCE " + sequence + " START WITH " + start + " INCREMENT BY " + STEP);
                s.execute("ALTER TABLE " + table + " ALTER COLUMN id DROP IDENTITY");
                if (postgres) {
                    s.execute("ALTER TABLE " + table + " ALTER COLUMN id SET DEFAULT nextval('" + sequence + "')");
                    s.execute("ALTER SEQUENCE " + sequence + " OWNED BY " + table + ".id");
                } else {
                    s.execute("ALTER TABLE " + table + " ALTER COLUMN id SET DEFAULT NEXT VALUE FOR " + sequence);
                }
            }
        }
    }

    private static long highestId(Statement s, String table) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(id), 0) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
