package dev.triagedesk.report.web;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.spring6.util.DetailedError;

/**
 * Orders the error summary of a form as its fields appear on the page (the order of the form record's
 * components), so the first link leads to the first wrong answer rather than to whichever the validator met first.
 * Used by {@code fragments/fields.html} as {@code @errorOrder}, with the message prefix of the form's labels.
 */
@Component("errorOrder")
public class ErrorOrder {

    private static final Map<String, Class<? extends Record>> FORMS = Map.of(
            "what.", WhatFailsForm.class,
            "status.", StatusPageForm.class,
            "checks.", ChecksForm.class,
            "evidence.", EvidenceForm.class);
    private static final Map<String, List<String>> FIELDS = FORMS.entrySet().stream()
            .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> fields(e.getValue())));

    public List<DetailedError> sorted(List<DetailedError> errors, String prefix) {
        List<String> fields = FIELDS.getOrDefault(prefix, List.of());
        return errors.stream().sorted(Comparator.comparingInt(e -> {
            int at = fields.indexOf(e.getFieldName());
            return at < 0 ? Integer.MAX_VALUE : at;
        })).toList();
    }

    /**
     * Where the error summary's link for a field leads: the field itself, or for a radio group (an enum field: the
     * group lists every value, in order) its first option, since the group's fieldset cannot take the focus.
     */
    public String anchor(String field, String prefix) {
        Class<? extends Record> form = FORMS.get(prefix);
        if (form != null) {
            for (RecordComponent c : form.getRecordComponents()) {
                if (c.getName().equals(field) && c.getType().isEnum()) {
                    return field + "-" + ((Enum<?>) c.getType().getEnumConstants()[0]).name();
                }
            }
        }
        return field;
    }

    private static List<String> fields(Class<? extends Record> form) {
        return Arrays.stream(form.getRecordComponents()).map(RecordComponent::getName).toList();
    }
}
