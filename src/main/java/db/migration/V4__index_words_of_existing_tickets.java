package db.migration;

import dev.triagedesk.ticket.TicketWords;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/** Fills the word index (V3) for tickets submitted before it existed; new tickets are indexed when submitted. */
public class V4__index_words_of_existing_tickets extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement select = context.getConnection().createStatement();
             ResultSet rows = select.executeQuery("SELECT id, seen_message, product_detail, description FROM ticket"
                     + " WHERE submitted_at IS NOT NULL");
             PreparedStatement insert = context.getConnection().prepareStatement(
                     "INSERT INTO ticket_word (ticket_id, word) VALUES (?, ?)")) {
            int pending = 0;
            while (rows.next()) {
                for (String word : TicketWords.of(rows.getString(2), rows.getString(3), rows.getString(4))) {
                    insert.setLong(1, rows.getLong(1));
                    insert.setString(2, word);
                    insert.addBatch();
                    if (++pending % 1000 == 0) {
                        insert.executeBatch();
                    }
                }
            }
            insert.executeBatch();
        }
    }
}
