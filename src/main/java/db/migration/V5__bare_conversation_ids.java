package db.migration;

import dev.triagedesk.ticket.ConversationId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Conversation IDs were indexed with whatever followed them in the URL the reporter typed ({@code <id>?model=gpt-5},
 * {@code <id>#x}, or only the text after the last slash of the query), so a search for the bare ID missed those
 * tickets. This stores the bare ID, as new tickets get it, in the value and in the lowercase {@code lookup} column
 * the queue's search probes. IDs the reporter typed are taken again from the ticket's URL (kept as given); IDs
 * found in evidence were already bare, and are only cut at a query or fragment should one be there. A row that
 * yields no ID at all is dropped. Plain JDBC: the same code runs on H2 and PostgreSQL.
 */
public class V5__bare_conversation_ids extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        try (Statement select = c.createStatement();
             ResultSet rows = select.executeQuery("SELECT i.id, i.id_value, i.evidence_id, t.conversation_url"
                     + " FROM request_identifier i JOIN ticket t ON t.id = i.ticket_id WHERE i.name = 'conversation'");
             PreparedStatement update = c.prepareStatement(
                     "UPDATE request_identifier SET id_value = ?, lookup = ? WHERE id = ?");
             PreparedStatement delete = c.prepareStatement("DELETE FROM request_identifier WHERE id = ?")) {
            int updates = 0;
            int deletes = 0;
            while (rows.next()) {
                long id = rows.getLong(1);
                String value = rows.getString(2);
                rows.getLong(3);
                boolean typed = rows.wasNull();
                String url = rows.getString(4);
                String bare = typed && url != null && !url.isBlank() ? ConversationId.of(url)
                        : ConversationId.of("/" + value);
                if (bare == null || bare.isBlank()) {
                    delete.setLong(1, id);
                    delete.addBatch();
                    deletes++;
                } else if (!bare.equals(value)) {
                    String kept = bare.trim();
                    kept = kept.length() > 300 ? kept.substring(0, 299) + "…" : kept; // as RequestIdentifier clips
                    update.setString(1, kept);
                    update.setString(2, kept.toLowerCase(Locale.ROOT));
                    update.setLong(3, id);
                    update.addBatch();
                    updates++;
                }
            }
            if (updates > 0) {
                update.executeBatch();
            }
            if (deletes > 0) {
                delete.executeBatch();
            }
        }
    }
}
