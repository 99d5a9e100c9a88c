package dev.triagedesk.desk;

import dev.triagedesk.ticket.Evidence;
import dev.triagedesk.ticket.EvidenceStatus;
import dev.triagedesk.ticket.RequestIdentifier;
import dev.triagedesk.ticket.Ticket;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;

/**
 * The queue's filters and search as a JPA specification. Each filter is an equality or range on an indexed
 * column; the search box tries, in one query, the reference, the indexed identifiers (request IDs, conversation
 * IDs), the reporter's e-mail, and words of the description, so it stays fast with a hundred thousand tickets.
 */
final class TicketQueue {

    private static final Pattern REFERENCE = Pattern.compile("(?i)^\\s*(TD-\\d{4}-\\d{6})\\s*$");
    private static final Pattern CONVERSATION = Pattern.compile(
            "(?i)([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/?(?:[?#].*)?$");

    private TicketQueue() {
    }

    static Specification<Ticket> of(TicketFilter f) {
        return (root, query, cb) -> {
            List<Predicate> all = new ArrayList<>();
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
            if (f.q() != null && !f.q().isBlank()) {
                all.add(search(f.q().trim(), root, query, cb));
            }
            return cb.and(all.toArray(Predicate[]::new));
        };
    }

    private static Predicate search(String q, Root<Ticket> root, jakarta.persistence.criteria.CriteriaQuery<?> query,
                                    CriteriaBuilder cb) {
        Matcher ref = REFERENCE.matcher(q);
        if (ref.matches()) {
            return cb.equal(root.get("reference"), ref.group(1).toUpperCase(Locale.ROOT));
        }
        String lower = q.toLowerCase(Locale.ROOT);
        List<String> lookups = new ArrayList<>();
        lookups.add(lower.length() > 300 ? lower.substring(0, 300) : lower);
        Matcher conversation = CONVERSATION.matcher(lower);
        if (conversation.find()) {
            lookups.add(conversation.group(1));
        }
        List<Predicate> any = new ArrayList<>();
        Subquery<Long> ids = query.subquery(Long.class);
        Root<RequestIdentifier> id = ids.from(RequestIdentifier.class);
        ids.select(id.get("ticket").get("id")).where(id.get("lookup").in(lookups));
        any.add(root.get("id").in(ids));
        if (lower.contains("@")) {
            any.add(cb.equal(root.get("reporterEmailLookup"), lower));
        }
        List<Predicate> words = new ArrayList<>();
        for (String word : lower.split("\\s+")) {
            if (word.length() >= 2) {
                String like = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
                words.add(cb.or(cb.like(cb.lower(root.get("description")), like, '\\'),
                        cb.like(cb.lower(root.get("seenMessage")), like, '\\')));
            }
        }
        if (!words.isEmpty()) {
            any.add(cb.and(words.toArray(Predicate[]::new)));
        }
        return cb.or(any.toArray(Predicate[]::new));
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
            default -> "submittedAt";
        };
        Sort primary = desc ? Sort.by(property).descending() : Sort.by(property).ascending();
        return property.equals("id") ? primary : primary.and(Sort.by("id").descending());
    }
}
