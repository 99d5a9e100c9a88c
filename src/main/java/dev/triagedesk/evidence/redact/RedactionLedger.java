package dev.triagedesk.evidence.redact;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Counts what a {@link Redactor} removed, for the {@link RedactionReport}. Not thread-safe: one per document. */
public final class RedactionLedger {

    private static final int NAMES_PER_RULE = 12;

    private final Map<String, Tally> tallies = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private long total;
    /** While a tentative redaction runs (see {@link #begin()}), what it recorded, to take back if it fails. */
    private List<Tally> journal;
    /** Where each open tentative recording starts in {@link #journal}, innermost last. */
    private int[] starts = new int[4];
    private int depth;
    /** The tally recorded to last. */
    private Tally last;

    /**
     * Starts recording tentatively: {@link #rollback()} undoes what was recorded since, {@link #commit()} keeps it.
     * Nests: a JSON body can hold another (GraphQL variables in a URL), and the outer one may still turn out not
     * to be JSON after the inner one was kept; its rollback then undoes the inner one's records too.
     */
    void begin() {
        if (journal == null) {
            journal = new ArrayList<>();
        }
        if (depth == starts.length) {
            starts = Arrays.copyOf(starts, depth * 2);
        }
        starts[depth++] = journal.size();
    }

    void commit() {
        if (--depth == 0) {
            journal = null;
        }
    }

    void rollback() {
        int from = starts[--depth];
        for (int i = journal.size() - 1; i >= from; i--) {
            journal.remove(i).count--;
            total--;
        }
        if (depth == 0) {
            journal = null;
        }
    }

    void record(String rule, SecretKind kind, String name) {
        total++;
        Tally t = last;
        if (t == null || !t.rule.equals(rule) || t.kind != kind) {
            // the same rule and kind come in runs (the three cookies of a Cookie header): skip the key then
            t = tallies.computeIfAbsent(rule + '\u0000' + kind.name(), k -> new Tally(rule, kind));
            last = t;
        }
        if (journal != null) {
            journal.add(t);
        }
        t.count++;
        if (name != null && t.names.size() < NAMES_PER_RULE) {
            t.names.add(name);
        }
    }

    /** Adds what another ledger (of the same document's other part) recorded. */
    void merge(RedactionLedger other) {
        total += other.total;
        for (Map.Entry<String, Tally> e : other.tallies.entrySet()) {
            Tally theirs = e.getValue();
            Tally mine = tallies.computeIfAbsent(e.getKey(), k -> new Tally(theirs.rule, theirs.kind));
            mine.count += theirs.count;
            for (String name : theirs.names) {
                if (mine.names.size() < NAMES_PER_RULE) {
                    mine.names.add(name);
                }
            }
        }
        other.notes.forEach(this::note);
    }

    public void note(String sentence) {
        if (!notes.contains(sentence) && notes.size() < 50) {
            notes.add(sentence);
        }
    }

    public long total() {
        return total;
    }

    public RedactionReport report(boolean alreadySanitized) {
        List<RedactionReport.Rule> rules = new ArrayList<>();
        for (Tally t : tallies.values()) {
            if (t.count == 0) {
                continue;
            }
            rules.add(new RedactionReport.Rule(t.rule, t.kind, t.count, List.copyOf(t.names)));
        }
        rules.sort(Comparator.comparingLong(RedactionReport.Rule::count).reversed()
                .thenComparing(RedactionReport.Rule::rule));
        return new RedactionReport(total, List.copyOf(rules), alreadySanitized, List.copyOf(notes));
    }

    private static final class Tally {
        final String rule;
        final SecretKind kind;
        final Set<String> names = new LinkedHashSet<>();
        long count;

        Tally(String rule, SecretKind kind) {
            this.rule = rule;
            this.kind = kind;
        }
    }
}
