package dev.triagedesk.evidence.batch;

import dev.triagedesk.evidence.redact.Redactor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Reads Batch objects ({@code "object": "batch"}) field by field: what the job is, how far it got, and why it
 * failed. Fields it does not name (the developer's {@code metadata}, {@code usage}) are skipped unread.
 */
final class BatchObjects {

    private final Redactor redactor;
    private final int cap;

    BatchObjects(Redactor redactor, int cap) {
        this.redactor = redactor;
        this.cap = cap;
    }

    /** What an object the parser is at the start of holds; it stops at the object's end. */
    Object read(JsonParser p, List<BatchJob> into) {
        Raw raw = new Raw();
        List<BatchJob> listed = new ArrayList<>();
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
                case "object" -> raw.object = ResultLine.scalar(p, t);
                case "data" -> {
                    if (t == JsonToken.START_ARRAY) {
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            read(p, listed);
                        }
                        if (p.currentToken() != JsonToken.END_ARRAY) {
                            p.skipChildren();
                            while (p.nextToken() != JsonToken.END_ARRAY) {
                                p.skipChildren();
                            }
                        }
                    } else {
                        p.skipChildren();
                    }
                }
                case "errors" -> raw.errors(p, t, this);
                case "request_counts" -> raw.counts(p, t);
                default -> raw.field(name, p, t);
            }
        }
        if ("list".equals(raw.object)) {
            into.addAll(listed);
            return "list";
        }
        if ("batch".equals(raw.object) || raw.id != null && raw.id.startsWith("batch_")) {
            if (into.size() < cap) {
                into.add(raw.job(redactor));
            }
            return "batch";
        }
        return null;
    }

    /** The fields as read, before redaction. */
    private static final class Raw {
        String object;
        String id;
        String status;
        String endpoint;
        String model;
        String window;
        String inputFile;
        String outputFile;
        String errorFile;
        BatchJob.Counts counts;
        final List<BatchJob.ValidationError> errors = new ArrayList<>();
        long errorCount;
        final Long[] times = new Long[TIMES.length];

        void field(String name, JsonParser p, JsonToken t) {
            switch (name) {
                case "id" -> id = ResultLine.scalar(p, t);
                case "status" -> status = ResultLine.scalar(p, t);
                case "endpoint" -> endpoint = ResultLine.scalar(p, t);
                case "model" -> model = ResultLine.scalar(p, t);
                case "completion_window" -> window = ResultLine.scalar(p, t);
                case "input_file_id" -> inputFile = ResultLine.scalar(p, t);
                case "output_file_id" -> outputFile = ResultLine.scalar(p, t);
                case "error_file_id" -> errorFile = ResultLine.scalar(p, t);
                default -> {
                    int at = timeIndex(name);
                    if (at >= 0 && t == JsonToken.VALUE_NUMBER_INT) {
                        times[at] = p.getLongValue();
                    } else {
                        p.skipChildren();
                    }
                }
            }
        }

        void counts(JsonParser p, JsonToken t) {
            if (t != JsonToken.START_OBJECT) {
                p.skipChildren();
                return;
            }
            long total = 0;
            long completed = 0;
            long failed = 0;
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                long n = v == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : 0;
                p.skipChildren();
                switch (name) {
                    case "total" -> total = n;
                    case "completed" -> completed = n;
                    case "failed" -> failed = n;
                    default -> { }
                }
            }
            counts = new BatchJob.Counts(total, completed, failed);
        }

        /** {@code errors}: {@code {"object": "list", "data": [{code, line, message, param}]}}. */
        void errors(JsonParser p, JsonToken t, BatchObjects owner) {
            if (t != JsonToken.START_OBJECT) {
                p.skipChildren();
                return;
            }
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (!name.equals("data") || v != JsonToken.START_ARRAY) {
                    p.skipChildren();
                    continue;
                }
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                    if (e != JsonToken.START_OBJECT) {
                        p.skipChildren();
                        continue;
                    }
                    BatchJob.ValidationError read = validationError(p, owner.redactor);
                    errorCount++;
                    if (errors.size() < owner.cap) {
                        errors.add(read);
                    }
                }
            }
        }

        private static BatchJob.ValidationError validationError(JsonParser p, Redactor redactor) {
            String code = null;
            Long line = null;
            String message = null;
            String param = null;
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                switch (name) {
                    case "code" -> code = ResultLine.scalar(p, t);
                    case "line" -> {
                        if (t == JsonToken.VALUE_NUMBER_INT) {
                            line = p.getLongValue();
                        }
                        p.skipChildren();
                    }
                    case "message" -> message = ResultLine.scalar(p, t);
                    case "param" -> param = ResultLine.scalar(p, t);
                    default -> p.skipChildren();
                }
            }
            return new BatchJob.ValidationError(text(redactor, code, 200), line, text(redactor, message, 1000),
                    text(redactor, param, 200));
        }

        BatchJob job(Redactor redactor) {
            BatchJob.Times t = new BatchJob.Times(time(0), time(1), time(2), time(3), time(4), time(5), time(6),
                    time(7), time(8));
            return new BatchJob(text(redactor, id, 200), text(redactor, status, 40),
                    endpoint == null ? null : BatchTally.clip(redactor.url(endpoint), 500), text(redactor, model, 200),
                    text(redactor, window, 40), counts, List.copyOf(errors), errorCount, t,
                    text(redactor, inputFile, 200), text(redactor, outputFile, 200), text(redactor, errorFile, 200));
        }

        private String time(int i) {
            Long v = times[i];
            // Unix seconds; anything outside years 1970-9999 is not a time the service wrote
            return v == null || v <= 0 || v > 253_402_300_799L ? null : Instant.ofEpochSecond(v).toString();
        }
    }

    private static final String[] TIMES = {"created_at", "in_progress_at", "expires_at", "finalizing_at",
        "completed_at", "failed_at", "expired_at", "cancelling_at", "cancelled_at"};

    private static int timeIndex(String name) {
        for (int i = 0; i < TIMES.length; i++) {
            if (TIMES[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static String text(Redactor redactor, String s, int max) {
        return BatchTally.clip(redactor.text(s, BatchTally.RULE), max);
    }
}
