package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * On H2, drops the indexes that repeat another index of the same table on the same columns. H2 gives every foreign
 * key an index of its own when the table is made; the migrations then index the same column again by name
 * ({@code failing_request (ticket_id)}, {@code request_identifier (ticket_id)}…), as PostgreSQL needs, where a
 * foreign key has no index. Each row inserted paid for both: a large HAR's thousands of findings, twice over for
 * failing requests. The index a constraint owns is kept; PostgreSQL is left alone.
 */
public class V57__no_duplicate_indexes_on_h2 extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        if (!"H2".equals(c.getMetaData().getDatabaseProductName())) {
            return;
        }
        for (String index : duplicates(c)) {
            try (Statement s = c.createStatement()) {
                s.execute("DROP INDEX \"" + index + "\"");
            }
        }
    }

    /** Indexes of the current schema that no constraint owns and whose columns, in order, another index has too. */
    public static List<String> duplicates(Connection c) throws Exception {
        Map<String, List<String>> indexesByColumns = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT i.TABLE_NAME, i.INDEX_NAME,"
                + " LISTAGG(k.COLUMN_NAME, ',') WITHIN GROUP (ORDER BY k.ORDINAL_POSITION)"
                + " FROM INFORMATION_SCHEMA.INDEXES i JOIN INFORMATION_SCHEMA.INDEX_COLUMNS k"
                + " ON k.INDEX_SCHEMA = i.INDEX_SCHEMA AND k.INDEX_NAME = i.INDEX_NAME"
                + " WHERE i.INDEX_SCHEMA = SCHEMA() GROUP BY i.TABLE_NAME, i.INDEX_NAME ORDER BY i.INDEX_NAME")) {
            while (rs.next()) {
                indexesByColumns.computeIfAbsent(rs.getString(1) + "(" + rs.getString(3) + ")", k -> new ArrayList<>())
                        .add(rs.getString(2));
            }
        }
        Set<String> owned = new HashSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT INDEX_NAME FROM"
                + " INFORMATION_SCHEMA.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = SCHEMA() AND INDEX_NAME IS NOT NULL")) {
            while (rs.next()) {
                owned.add(rs.getString(1));
            }
        }
        List<String> drop = new ArrayList<>();
        for (List<String> same : indexesByColumns.values()) {
            if (same.size() < 2) {
                continue;
            }
            List<String> free = same.stream().filter(i -> !owned.contains(i)).toList();
            // keep one when no constraint owns any of them
            int keep = free.size() == same.size() ? 1 : 0;
            drop.addAll(free.subList(keep, free.size()));
        }
        return drop;
    }
}
