package dev.triagedesk.desk;

import dev.triagedesk.ticket.Evidence;
import dev.triagedesk.ticket.EvidenceStatus;
import dev.triagedesk.ticket.RequestIdentifier;
import dev.triagedesk.ticket.Ticket;
import dev.triagedesk.ticket.TicketWord;
import dev.triagedesk.ticket.TicketWords;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;

/**
 * The queue's filters and search as a JPA specification. Each filter is an equality or range on an indexed
 * column, and the search box is one index probe or the tickets its words were found in (see {@link Search}), so the
 * queue stays fast with a hundred thousand tickets ({@code scripts/benchmark --queue} measures it).
 */
final class TicketQueue {

    private static final Pattern REFERENCE = Pattern.compile("(?i)^\\s*(TD-\\d{4}-\\d{6})\\s*$");
    private static final Pattern CONVERSATION = Pattern.compile(
            "(?i)([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/?(?:[?#].*)?$");

    /** A name that says ID, ray, trace, code or type, a colon or equals sign, and one value, quoted or not. */
    private static final Pattern PASTED_FIELD = Pattern.compile("^[\"'<]?((?:[a-z][\\w-]*\\s+){0,2}[a-z][\\w-]*)[\"'>]?"
            + "\\s*[:=]\\s*[\"']?([^\\s\"']+?)[\"']?[,;]?$");
    private static final Pattern ID_NAME = Pattern.compile("id\\b|ray|trace|code|type");
    /** A Cloudflare ray, with its colo suffix or without. */
    private static final Pattern RAY = Pattern.compile("([0-9a-f]{16})(-[a-z]{3,4})?");

    private TicketQueue() {
    }

    static Specification<Ticket> of(TicketFilter f, Search search) {
        return (root, query, cb) -> {
            List<jakarta.persistence.criteria.Predicate> all = new ArrayList<>();
            all.add(cb.isNotNull(root.get("submittedAt")));
            if (f.status() != null) {
                all.add(cb.equal(root.get("status"), f.status()));
            }
            if (f.verdict() != null) {
                all.add(cb.equal(root.get("verdictPath"), f.verdict()));
            }
            if (f.product() != null) {
                all.add(cb.equal(root.get("product"), f.product()));
            }
            if (f.assignee() != null) {
                all.add(f.assignee() < 0 ? cb.isNull(root.get("assignee"))
                        : cb.equal(root.get("assignee").get("id"), f.assignee()));
            }
            if (f.from() != null) {
                all.add(cb.greaterThanOrEqualTo(root.get("submittedAt"), f.from().atStartOfDay().toInstant(ZoneOffset.UTC)));
            }
            if (f.to() != null) {
                all.add(cb.lessThan(root.get("submittedAt"), f.to().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
            }
            if (f.hasEvidence() != null) {
                Subquery<Long> analyzed = query.subquery(Long.class);
                Root<Evidence> e = analyzed.from(Evidence.class);
                analyzed.select(e.get("id")).where(cb.equal(e.get("ticket"), root),
                        cb.equal(e.get("status"), EvidenceStatus.ANALYZED));
                all.add(f.hasEvidence() ? cb.exists(analyzed) : cb.not(cb.exists(analyzed)));
            }
            if (f.reporterReplied() != null) {
                all.add(f.reporterReplied() ? cb.isNotNull(root.get("reporterUnreadSince"))
                        : cb.isNull(root.get("reporterUnreadSince")));
            }
            if (search != null) {
                all.add(search(search, root, query, cb));
            }
            return cb.and(all.toArray(jakarta.persistence.criteria.Predicate[]::new));
        };
    }

    /**
     * What the search box means, decided before the query: the most specific reading that finds something wins.
     * A reference is looked up as such; otherwise, if any submitted ticket holds the text as a request ID or
     * conversation ID, those tickets; otherwise, if it is an e-mail some reporter used, theirs; otherwise tickets
     * having every word (or a word starting with it). Each reading is an index probe; OR-ing them in one query
     * made the database scan every ticket (over half a second at 100,000 tickets). Words are looked up in the word
     * index before the query ({@link WordMatches}, through {@link #matched}), and the query takes the tickets found.
     *
     * <p>Agents paste what they have: a header line ({@code cf-ray: 8f2b…-FRA}, {@code x-request-id: req_…},
     * {@code "code": "42P17"}) is read as its value, and a Cloudflare ray is found with or without its colo suffix.
     * Words are looked for as {@link TicketWords#search} reads them (a host, path or code as one word), and as
     * plain words when that finds nothing ({@code looser}).
     */
    record Search(Kind kind, String value, List<String> values, List<String> looser, WordMatches words) {

        enum Kind { REFERENCE, IDENTIFIER, EMAIL, WORDS, NOTHING }

        static Search of(String q, Predicate<List<String>> identifierExists, Predicate<String> emailExists) {
            if (q == null || q.isBlank()) {
                return null;
            }
            String text = q.trim();
            Matcher ref = REFERENCE.matcher(text);
            if (ref.matches()) {
                return new Search(Kind.REFERENCE, ref.group(1).toUpperCase(Locale.ROOT), List.of(), List.of(), null);
            }
            String lower = text.toLowerCase(Locale.ROOT);
            String pasted = pastedValue(lower);
            List<String> lookups = new ArrayList<>();
            lookups.add(clip(lower));
            if (!pasted.equals(lower)) {
                lookups.add(clip(pasted));
            }
            Matcher ray = RAY.matcher(pasted);
            if (ray.matches() && ray.group(2) != null) {
                lookups.add(ray.group(1)); // stored as the challenge page's ray parameter gives it: no suffix
            }
            Matcher conversation = CONVERSATION.matcher(lower);
            if (conversation.find()) {
                lookups.add(conversation.group(1));
            }
            if (identifierExists.test(lookups)) {
                return new Search(Kind.IDENTIFIER, null, List.copyOf(lookups), List.of(), null);
            }
            if (lower.contains("@") && lower.length() <= 320 && emailExists.test(lower)) {
                return new Search(Kind.EMAIL, lower, List.of(), List.of(), null);
            }
            TicketWords.Search words = TicketWords.search(pasted);
            return words.words().isEmpty() ? new Search(Kind.NOTHING, null, List.of(), List.of(), null)
                    : new Search(Kind.WORDS, null, words.words(), words.looser(), null);
        }

        /** This word search with the tickets having every word. */
        Search with(WordMatches matches) {
            return new Search(kind, value, values, looser, matches);
        }

        /** This word search with the tickets having every word, or every plain word when none has every word. */
        Search matched(jakarta.persistence.EntityManager entities) {
            WordMatches matches = WordMatches.of(values, entities);
            if (matches.count() == 0 && !looser.isEmpty()) {
                return new Search(kind, value, looser, List.of(), WordMatches.of(looser, entities));
            }
            return with(matches);
        }

        /**
         * The value of a pasted header or field line ({@code cf-ray: …}, {@code "x-request-id": "req_…"},
         * {@code Ray ID: …}, {@code code=42P17}): a single value after a name that says ID, ray, trace, code or
         * type. Anything else is kept as typed.
         */
        static String pastedValue(String lower) {
            Matcher m = PASTED_FIELD.matcher(lower);
            return m.matches() && ID_NAME.matcher(m.group(1)).find() ? m.group(2) : lower;
        }

        private static String clip(String s) {
            return s.length() > 300 ? s.substring(0, 300) : s;
        }
    }

    private static jakarta.persistence.criteria.Predicate search(Search search, Root<Ticket> root, CriteriaQuery<?> query,
                                                                 CriteriaBuilder cb) {
        switch (search.kind()) {
            case REFERENCE:
                return cb.equal(root.get("reference"), search.value());
            case IDENTIFIER: {
                Subquery<Long> ids = query.subquery(Long.class);
                Root<RequestIdentifier> id = ids.from(RequestIdentifier.class);
                ids.select(id.get("ticket").get("id")).where(id.get("lookup").in(search.values()));
                return root.get("id").in(ids);
            }
            case EMAIL:
                return cb.equal(root.get("reporterEmailLookup"), search.value());
            case WORDS: {
                if (search.words() != null && search.words().listed()) {
                    Long[] tickets = search.words().tickets();
                    return tickets.length == 0 ? cb.disjunction() : cb.isTrue(cb.function(QueueFunctions.EQUALS_ANY,
                            Boolean.class, root.get("id"), cb.literal(tickets)));
                }
                // Too many tickets to list: each word is a probe of the (ticket, word) index for each ticket the
                // database walks in the queue's order; it stops at the page, as the matches are many.
                List<jakarta.persistence.criteria.Predicate> each = new ArrayList<>();
                for (String word : search.values()) {
                    Subquery<Integer> having = query.subquery(Integer.class);
                    Root<TicketWord> w = having.from(TicketWord.class);
                    having.select(cb.literal(1)).where(cb.equal(w.get("key").get("ticketId"), root.get("id")),
                            word.indexOf('_') < 0 ? cb.like(w.get("key").get("word"), word + "%")
                                    : cb.like(w.get("key").get("word"), TicketWords.likePrefix(word),
                                            TicketWords.LIKE_ESCAPE));
                    each.add(cb.exists(having));
                }
                return cb.and(each.toArray(jakarta.persistence.criteria.Predicate[]::new));
            }
            default:
                return cb.disjunction();
        }
    }

    /** The sort the queue asked for; newest first when it asked for none or something unknown. */
    static Sort sort(String sort) {
        String s = sort == null ? "-submitted" : sort.trim();
        boolean desc = s.startsWith("-");
        String key = desc ? s.substring(1) : s;
        String property = switch (key) {
            case "reference" -> "id";
            case "status" -> "status";
            case "verdict" -> "verdictPath";
            case "product" -> "product";
            case "updated" -> "updatedAt";
            case "reply" -> "reporterUnreadSince";
            default -> "submittedAt";
        };
        if (property.equals("reporterUnreadSince")) {
            // tickets with an unread reporter message first, whichever way; among them the oldest first (ascending)
            Sort.Order order = desc ? Sort.Order.desc(property).nullsFirst() : Sort.Order.asc(property).nullsLast();
            return Sort.by(order).and(Sort.by("id").descending());
        }
        Sort primary = desc ? Sort.by(property).descending() : Sort.by(property).ascending();
        return property.equals("id") ? primary : primary.and(Sort.by("id").descending());
    }
}
