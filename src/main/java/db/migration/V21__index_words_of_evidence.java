package db.migration;

import dev.triagedesk.ticket.RequestIdentifier;
import dev.triagedesk.ticket.TicketWords;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Indexes the words of submitted tickets anew: a ticket is now also found by what its evidence holds (hosts, paths,
 * statuses, error codes, request IDs and rays without their colo suffix) and by compounds of its text
 * ({@code insufficient_quota}, {@code api.openai.com}), see {@link TicketWords}. New tickets are indexed so when
 * submitted and when evidence is added.
 *
 * <p>One pass: the tickets and the rows of each evidence table are read in ticket order side by side, so a hundred
 * thousand tickets cost four sequential reads, not a query per ticket.
 */
public class V21__index_words_of_evidence extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        try (Statement clear = c.createStatement()) {
            clear.executeUpdate("DELETE FROM ticket_word");
        }
        try (Statement ts = c.createStatement(); Statement fs = c.createStatement(); Statement cs = c.createStatement();
             Statement is = c.createStatement();
             PreparedStatement insert = c.prepareStatement("INSERT INTO ticket_word (ticket_id, word) VALUES (?, ?)")) {
            for (Statement s : new Statement[] {ts, fs, cs, is}) {
                s.setFetchSize(1000);
            }
            ResultSet tickets = ts.executeQuery("SELECT id, seen_message, product_detail, description FROM ticket"
                    + " WHERE submitted_at IS NOT NULL ORDER BY id");
            Rows failures = new Rows(fs.executeQuery("SELECT ticket_id, url, status, error_code, error_type, net_error"
                    + " FROM failing_request ORDER BY ticket_id, id"));
            Rows findings = new Rows(cs.executeQuery("SELECT ticket_id, url, status, net_error, message"
                    + " FROM console_finding ORDER BY ticket_id, id"));
            Rows ids = new Rows(is.executeQuery("SELECT ticket_id, name, id_value FROM request_identifier"
                    + " ORDER BY ticket_id, id"));
            int pending = 0;
            while (tickets.next()) {
                long id = tickets.getLong(1);
                TicketWords.Index index = new TicketWords.Index()
                        .text(tickets.getString(2), tickets.getString(3), tickets.getString(4));
                for (ResultSet f = failures.of(id); f != null; f = failures.of(id)) {
                    index.url(f.getString(2)).status(f.getInt(3)).code(f.getString(4)).code(f.getString(5))
                            .code(f.getString(6));
                }
                for (ResultSet f = findings.of(id); f != null; f = findings.of(id)) {
                    int status = f.getInt(3);
                    index.url(f.getString(2)).status(f.wasNull() ? null : status).code(f.getString(4))
                            .codesIn(f.getString(5));
                }
                for (ResultSet r = ids.of(id); r != null; r = ids.of(id)) {
                    if (!RequestIdentifier.CONVERSATION.equals(r.getString(2))) {
                        index.identifier(r.getString(3));
                    }
                }
                for (String word : index.words()) {
                    insert.setLong(1, id);
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

    /** A result set ordered by ticket, read alongside the tickets: the rows of one ticket at a time. */
    private static final class Rows {

        private final ResultSet rows;
        private boolean onRow;
        private boolean done;

        Rows(ResultSet rows) {
            this.rows = rows;
        }

        /** The next row of {@code ticket}, or null when it has no more (rows of earlier tickets are skipped). */
        ResultSet of(long ticket) throws SQLException {
            while (!done) {
                if (!onRow) {
                    if (!rows.next()) {
                        done = true;
                        return null;
                    }
                    onRow = true;
                }
                long t = rows.getLong(1);
                if (t < ticket) {
                    onRow = false; // a draft's row, or one of a ticket not submitted
                } else if (t == ticket) {
                    onRow = false;
                    return rows;
                } else {
                    return null;
                }
            }
            return null;
        }
    }
}
