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

    private static final Map<String, List<String>> FIELDS = Map.of(
            "what.", fields(WhatFailsForm.class),
            "status.", fields(StatusPageForm.class),
            "checks.", fields(ChecksForm.class),
            "evidence.", fields(EvidenceForm.class));

    public List<DetailedError> sorted(List<DetailedError> errors, String prefix) {
        List<String> fields = FIELDS.getOrDefault(prefix, List.of());
        return errors.stream().sorted(Comparator.comparingInt(e -> {
            int at = fields.indexOf(e.getFieldName());
            return at < 0 ? Integer.MAX_VALUE : at;
        })).toList();
    }

    private static List<String> fields(Class<? extends Record> form) {
        return Arrays.stream(form.getRecordComponents()).map(RecordComponent::getName).toList();
    }
}
