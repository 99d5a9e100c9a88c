package dev.triagedesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Constraint;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What reporters are told about a field comes from messages.properties, in the form's words: no constraint on the
 * records the form and the API validate falls back to Bean Validation's default message ("size must be between 0
 * and 2000"), and every message key they name exists.
 */
class ValidationMessagesTests {

    /** The records the pages and the report API validate. */
    static final List<String> VALIDATED = List.of("dev.triagedesk.ticket.ReportAnswers",
            "dev.triagedesk.ticket.ReportAnswers$Api", "dev.triagedesk.ticket.ReportAnswers$Checks",
            "dev.triagedesk.report.web.WhatFailsForm", "dev.triagedesk.report.web.StatusPageForm",
            "dev.triagedesk.report.web.ChecksForm", "dev.triagedesk.report.web.EvidenceForm",
            "dev.triagedesk.api.ReportApiEvidence");
    private static final Pattern KEY = Pattern.compile("^\\{([^}]+)}$");

    @Test
    void everyConstraintOfTheFormAndApiRecordsHasAMessageOfOurs() throws Exception {
        Properties messages = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/messages.properties")) {
            messages.load(in);
        }
        List<String> checked = new ArrayList<>();
        for (String name : VALIDATED) {
            Class<?> record = Class.forName(name);
            for (RecordComponent component : record.getRecordComponents()) {
                Field field = record.getDeclaredField(component.getName());
                for (Annotation a : field.getAnnotations()) {
                    if (!a.annotationType().isAnnotationPresent(Constraint.class)) {
                        continue;
                    }
                    String where = record.getSimpleName() + "." + component.getName() + " @"
                            + a.annotationType().getSimpleName();
                    String message = message(a);
                    Matcher key = KEY.matcher(message);
                    assertThat(key.matches()).as("%s names a message key: %s", where, message).isTrue();
                    assertThat(messages).as("%s: %s in messages.properties", where, message).containsKey(key.group(1));
                    checked.add(where);
                }
            }
        }
        assertThat(checked).as("the records are found and carry constraints").hasSizeGreaterThan(40)
                .contains("ReportAnswers.description @MaxLength", "WhatFailsForm.seenMessage @NotBlank",
                        "ReportApiEvidence.conversationUrl @ConversationUrl");
    }

    private static String message(Annotation a) throws IOException {
        try {
            return (String) a.annotationType().getMethod("message").invoke(a);
        } catch (ReflectiveOperationException e) {
            throw new IOException(e);
        }
    }
}
