package dev.triagedesk.report.web;

import dev.triagedesk.evidence.redact.Redactor;
import dev.triagedesk.ticket.Ticket;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Secrets the reporter typed into the form (an API key pasted where request IDs go, a token quoted in the
 * description). Redaction has taken them out before anything was stored; the reporter is told so, and told to
 * revoke them, since they have left their hands: right after the step that had them is saved, and whenever that
 * step or the review is opened while the marker is still there.
 */
@Component
class TypedSecrets {

    /** Model and flash attribute: the warning as the page says it. */
    static final String WARNING = "secretWarning";

    private record Field(Step step, String labelKey, Function<Ticket, String> value) {
    }

    /** The redacted free-text fields, in the order of the form. */
    private static final List<Field> FIELDS = List.of(
            new Field(Step.WHAT, "what.productDetail", Ticket::getProductDetail),
            new Field(Step.WHAT, "what.seenMessage", Ticket::getSeenMessage),
            new Field(Step.WHAT, "what.environment", Ticket::getEnvironment),
            new Field(Step.WHAT, "what.description", Ticket::getDescription),
            new Field(Step.CHECKS, "checks.model", t -> t.getApi().getModel()),
            new Field(Step.CHECKS, "checks.endpoint", t -> t.getApi().getEndpoint()),
            new Field(Step.CHECKS, "checks.sdk", t -> t.getApi().getSdk()),
            new Field(Step.CHECKS, "checks.orgId", t -> t.getApi().getOrgId()),
            new Field(Step.CHECKS, "checks.projectId", t -> t.getApi().getProjectId()),
            new Field(Step.CHECKS, "checks.requestIds", t -> t.getApi().getRequestIds()));

    private final MessageSource messages;

    TypedSecrets(MessageSource messages) {
        this.messages = messages;
    }

    /** The redaction markers in each field of {@code step} (every step for null), by label key. */
    static Map<String, Set<String>> markers(Ticket t, Step step) {
        Map<String, Set<String>> found = new LinkedHashMap<>();
        for (Field f : FIELDS) {
            if (step != null && f.step() != step) {
                continue;
            }
            Set<String> markers = markersIn(f.value().apply(t));
            if (!markers.isEmpty()) {
                found.put(f.labelKey(), markers);
            }
        }
        return found;
    }

    /** The warning for the fields of {@code step} (every step for null) that hold a secret's marker; null if none. */
    String warning(Ticket t, Step step) {
        return warning(markers(t, step).keySet());
    }

    /** Puts the warning for the fields of {@code step} in the model, unless the page already has one (a flash). */
    void show(Ticket t, Step step, Model model) {
        String warning = warning(t, step);
        if (warning != null && model.getAttribute(WARNING) == null) {
            model.addAttribute(WARNING, warning);
        }
    }

    /** The warning for the fields that hold a marker now and did not before the step was saved; null if none. */
    String newWarning(Map<String, Set<String>> before, Ticket after, Step step) {
        List<String> fields = new ArrayList<>();
        markers(after, step).forEach((field, markers) -> {
            if (!before.getOrDefault(field, Set.of()).containsAll(markers)) {
                fields.add(field);
            }
        });
        return warning(fields);
    }

    private String warning(Collection<String> labelKeys) {
        if (labelKeys.isEmpty()) {
            return null;
        }
        var locale = LocaleContextHolder.getLocale();
        String fields = labelKeys.stream().map(k -> "\u201c" + messages.getMessage(k, null, k, locale) + "\u201d")
                .collect(Collectors.joining(", "));
        return messages.getMessage("secret.removed", new Object[] {fields}, locale);
    }

    private static Set<String> markersIn(String text) {
        Set<String> markers = new LinkedHashSet<>();
        if (text == null) {
            return markers;
        }
        int at = text.indexOf(Redactor.MARKER_PREFIX);
        while (at >= 0) {
            int end = text.indexOf(']', at);
            markers.add(end < 0 ? text.substring(at) : text.substring(at, end + 1));
            at = end < 0 ? -1 : text.indexOf(Redactor.MARKER_PREFIX, end);
        }
        return markers;
    }
}
