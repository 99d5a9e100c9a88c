package db.migration;

import java.sql.Connection;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The search box looks words up by their start ({@code word LIKE 'spin%'}). PostgreSQL reads such a pattern as a
 * range of an index only when the column compares byte by byte (collation "C"); under the database's collation
 * (en_US.UTF-8, C.UTF-8...) it read all of {@code ticket_word} for each word, half a second at 100,000 tickets.
 * Words are lower-cased letters and digits, and only ever compared for equality and prefixes, so the byte order
 * loses nothing. H2 already compares them so: nothing to do there.
 */
public class V8__ticket_words_compared_bytewise_on_postgresql extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        if (!"PostgreSQL".equals(c.getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE ticket_word ALTER COLUMN word TYPE VARCHAR(40) COLLATE \"C\"");
        }
    }
}
