package db.migration;

import java.sql.Connection;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * On H2, the finding tables' sequences (V55) keep a thousand values in memory instead of 32. H2 writes a
 * sequence's state to its file, in a commit of its own, each time its cache runs out; that commit writes every page
 * the upload's transaction has changed so far, so a large HAR's thousands of rows paid for several such writes
 * before its own commit. PostgreSQL hands out values without writing anything of the kind: nothing changes there.
 *
 * <p>A crash loses the values cached and not used: a gap in the ids, which nothing reads.
 */
public class V56__finding_sequences_cached_on_h2 extends BaseJavaMigration {

    static final int CACHE = 1000;

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        if (!"H2".equals(c.getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement s = c.createStatement()) {
            for (String table : V55__finding_ids_from_sequences.TABLES) {
                s.execute("ALTER SEQUENCE " + table + "_seq CACHE " + CACHE);
            }
        }
    }
}
