package dev.triagedesk.ticket;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.hibernate.Session;
import org.hibernate.StatelessSession;
import org.springframework.stereotype.Component;

/**
 * Writes the rows of findings that never change once written (request IDs, signals) in the caller's transaction
 * but outside its persistence context. A large HAR gives thousands of them, and before each query of the
 * transaction (a dozen follow an upload: linking, the word index, the incident, the summary) Hibernate walks every
 * entity it manages; immutable entities are not compared field by field, but each is still visited. Kept out, they
 * cost nothing until something reads them. The rows go in JDBC batches, with ids from their sequences as before.
 * (A HAR's failing requests stay managed: the word index and the summary read them in the same transaction, and
 * loading them back cost more than it saved.)
 */
@Component
class FindingRows {

    @PersistenceContext
    private EntityManager entityManager;

    /** Inserts {@code rows} (entities not managed yet, whose references are written already). */
    void insert(List<?> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try (StatelessSession stateless = entityManager.unwrap(Session.class).statelessWithOptions().connection()
                .open()) {
            stateless.insertMultiple(rows);
        }
    }
}
