package dev.triagedesk.api;

import dev.triagedesk.ticket.ReportAnswers;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the {@code report} part of {@code POST /api/reports}. A value of the wrong kind or an unknown field does
 * not stop the reading: every such problem is collected with the path of its field ({@code report.checks.vpnOff}),
 * so a client learns all its mistakes from one answer. JSON that cannot be parsed at all is one problem, with its
 * line and column.
 */
final class ReportApiJson {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // "statusPage": 3 is a mistake, not the fourth answer
            .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .addModule(ReportJsonText.MODULE)
            .build();
    private static final String ROOT = "report";

    /** The answers read, and what was wrong with them (empty when nothing was). */
    record Read(ReportAnswers answers, List<ApiProblem.FieldError> errors) {
    }

    private ReportApiJson() {
    }

    static Read read(String json) {
        Collector collector = new Collector();
        ReportAnswers answers;
        try {
            answers = JSON.readerFor(ReportAnswers.class).withHandler(collector).readValue(json);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            boolean syntax = e instanceof StreamReadException || e instanceof StreamConstraintsException;
            String what = syntax ? "is not valid JSON" : "must be a JSON object of the report's fields";
            String why = ReportJsonText.why(e);
            return new Read(null, List.of(new ApiProblem.FieldError(ROOT, what + where + (why == null ? "" : ": " + why))));
        }
        if (answers == null && collector.errors.isEmpty()) {
            return new Read(null, List.of(new ApiProblem.FieldError(ROOT, "the report part is empty")));
        }
        return new Read(answers, collector.errors);
    }

    /** What a field of this type takes, said the way the README documents it. */
    static String expected(Class<?> type) {
        if (type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "must be a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "must be a local date and time such as 2026-01-07T13:24:00";
        }
        if (type == String.class) {
            return "must be text";
        }
        return "must be an object";
    }

    /** A name or value of the request as the answer quotes it: clean text, not past 100 characters. */
    private static String shortened(String s) {
        String text = ReportJsonText.clean(s);
        return text.length() > 100 ? text.substring(0, 99) + "…" : text;
    }

    /** Takes note of each problem and goes on with the field left empty. */
    private static final class Collector extends DeserializationProblemHandler {

        final List<ApiProblem.FieldError> errors = new ArrayList<>();

        @Override
        public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, ValueDeserializer<?> deserializer,
                                             Object beanOrClass, String propertyName) {
            errors.add(new ApiProblem.FieldError(path(p), "unknown field \"" + shortened(propertyName) + "\""));
            p.skipChildren();
            return true;
        }

        @Override
        public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String valueToConvert,
                                             String failureMsg) {
            String shown = ReportJsonText.clean(valueToConvert);
            errors.add(new ApiProblem.FieldError(path(ctxt.getParser()), expected(targetType) + ", not \""
                    + (shown.length() > 60 ? shown.substring(0, 59) + "…" : shown) + "\""));
            return null;
        }

        @Override
        public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType, Number valueToConvert,
                                             String failureMsg) {
            errors.add(new ApiProblem.FieldError(path(ctxt.getParser()), expected(targetType) + ", not " + valueToConvert));
            return null;
        }

        @Override
        public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken t, JsonParser p,
                                            String failureMsg) {
            if (targetType.getRawClass() == ReportAnswers.class || path(p).equals(ROOT)) {
                return NOT_HANDLED; // the part as a whole is not an object: one problem, thrown
            }
            errors.add(new ApiProblem.FieldError(path(p), expected(targetType.getRawClass())));
            if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                p.skipChildren();
            }
            return null;
        }

        /** "report.checks.vpnOff": the field the parser is in. */
        private static String path(JsonParser p) {
            List<String> parts = new ArrayList<>();
            for (TokenStreamContext c = p.streamReadContext(); c != null && !c.inRoot(); c = c.getParent()) {
                if (c.inArray()) {
                    if (c.getCurrentIndex() >= 0) {
                        parts.add(0, "[" + c.getCurrentIndex() + "]");
                    }
                } else if (c.currentName() != null) {
                    parts.add(0, "." + c.currentName());
                }
            }
            return shortened(ROOT + String.join("", parts));
        }
    }
}
