package dev.triagedesk.summary;

import java.util.ArrayList;
import java.util.List;

/**
 * A piece of the support note made of prose and literal values. Literal values (URLs, request and conversation
 * IDs) are what support copies and searches for: the Markdown note shows them as code, where nothing turns them
 * into a link; the plain-text note and the pages show them as they are.
 *
 * @param parts the prose and values, in order
 */
public record Phrase(List<Part> parts) {

    /** Prose, or a literal value. */
    public record Part(String text, boolean literal) {
    }

    public Phrase {
        parts = List.copyOf(parts);
    }

    /** Prose; null is nothing. */
    public static Phrase of(String prose) {
        return new Phrase(List.of()).then(prose);
    }

    /** A literal value; null is nothing. */
    public static Phrase literal(String value) {
        return new Phrase(List.of()).thenLiteral(value);
    }

    /** The phrases with {@code separator} (prose) between them. */
    public static Phrase join(String separator, List<Phrase> phrases) {
        List<Part> all = new ArrayList<>();
        for (Phrase p : phrases) {
            if (!all.isEmpty() && separator != null && !separator.isEmpty()) {
                all.add(new Part(separator, false));
            }
            all.addAll(p.parts);
        }
        return new Phrase(all);
    }

    public Phrase then(String prose) {
        return add(prose, false);
    }

    public Phrase thenLiteral(String value) {
        return add(value, true);
    }

    public Phrase then(Phrase more) {
        List<Part> all = new ArrayList<>(parts);
        all.addAll(more.parts);
        return new Phrase(all);
    }

    /** The text as said in plain text and on the pages. */
    public String plain() {
        StringBuilder b = new StringBuilder();
        parts.forEach(p -> b.append(p.text()));
        return b.toString();
    }

    public boolean isBlank() {
        return plain().isBlank();
    }

    @Override
    public String toString() {
        return plain();
    }

    private Phrase add(String text, boolean literal) {
        if (text == null || text.isEmpty()) {
            return this;
        }
        List<Part> all = new ArrayList<>(parts);
        all.add(new Part(text, literal));
        return new Phrase(all);
    }
}
