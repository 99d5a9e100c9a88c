package dev.triagedesk.desk;

import org.hibernate.boot.model.FunctionContributions;
import org.hibernate.boot.model.FunctionContributor;
import org.hibernate.type.StandardBasicTypes;

/**
 * SQL the queue needs that JPA cannot say: {@code equals_any(x, array)}, {@code x = ANY(array)}, which H2 and
 * PostgreSQL both answer from the index or a hash of the array. Thousands of tickets found by a word search go to
 * the query that way; as {@code IN (?, ?, ...)} they were a parameter each, and Hibernate took longer to build that
 * statement than the database to run it. Registered in
 * {@code META-INF/services/org.hibernate.boot.model.FunctionContributor}.
 */
public class QueueFunctions implements FunctionContributor {

    static final String EQUALS_ANY = "equals_any";

    @Override
    public void contributeFunctions(FunctionContributions functions) {
        functions.getFunctionRegistry().registerPattern(EQUALS_ANY, "(?1 = any(?2))",
                functions.getTypeConfiguration().getBasicTypeRegistry().resolve(StandardBasicTypes.BOOLEAN));
    }
}
