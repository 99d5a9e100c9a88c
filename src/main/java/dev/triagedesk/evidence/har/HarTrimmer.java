package dev.triagedesk.evidence.har;

import dev.triagedesk.evidence.EvidenceException;
import dev.triagedesk.evidence.NonClosingOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cuts a (sanitized) HAR down to what support looks at: the failing entries and their neighbours (the few
 * entries just before and after each, when they also started close in time), so the requests leading to a
 * failure come along. Two streaming passes: one reads when every entry started (one instant each), one copies the
 * kept entries and the rest of the log unchanged.
 */
public final class HarTrimmer {

    private static final JsonMapper TREES = JsonMapper.builder()
            .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private HarTrimmer() {
    }

    /** How many entries before and after a failing one count as its neighbours (when also near in time). */
    public static final int NEIGHBOURS = 5;

    /**
     * @param har opens the HAR (called twice)
     * @param failing indices of the entries to keep with their neighbours
     * @param around how far in time from a failing entry a neighbour may have started
     * @return the number of entries kept
     */
    public static int trim(Supplier<InputStream> har, Set<Integer> failing, Duration around, OutputStream out) {
        return trim(har, failing, NEIGHBOURS, around, out);
    }

    /**
     * As {@link #trim(Supplier, Set, Duration, OutputStream)} with {@code neighbours} entries on each side
     * considered; 0 keeps the failing entries only (an incident's export, where the failures are what counts).
     */
    public static int trim(Supplier<InputStream> har, Set<Integer> failing, int neighbours, Duration around,
                           OutputStream out) {
        List<Instant> times = new ArrayList<>();
        walkEntries(har, (index, entry) -> {
            times.add(started(entry));
            return false;
        }, null);
        Set<Integer> keep = new java.util.HashSet<>();
        for (int f : failing) {
            if (f < 0 || f >= times.size()) {
                continue;
            }
            keep.add(f);
            for (int d = 1; d <= neighbours; d++) {
                for (int n : new int[] {f - d, f + d}) {
                    if (n >= 0 && n < times.size() && near(times.get(n), times.get(f), around)) {
                        keep.add(n);
                    }
                }
            }
        }
        walkEntries(har, (index, entry) -> keep.contains(index), out);
        return keep.size();
    }

    private static boolean near(Instant t, Instant f, Duration around) {
        if (t == null || f == null) {
            return false;
        }
        return !t.isBefore(f.minus(around)) && !t.isAfter(f.plus(around));
    }

    private static Instant started(JsonNode entry) {
        JsonNode s = entry.get("startedDateTime");
        if (s == null || !s.isString()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s.asString()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private interface EntryVisitor {
        boolean visit(int index, JsonNode entry);
    }

    /** Streams the entries one at a time; with {@code out}, writes the log with the entries the visitor keeps. */
    private static void walkEntries(Supplier<InputStream> har, EntryVisitor visitor, OutputStream out) {
        try (InputStream in = har.get(); JsonParser p = HarJson.JSON.createParser(ObjectReadContext.empty(), in);
             JsonGenerator g = out == null ? null : TREES.createGenerator(NonClosingOutputStream.of(out))) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new EvidenceException("not a HAR");
            }
            if (g != null) {
                g.writeStartObject();
            }
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (g != null) {
                    g.writeName(name);
                }
                if (!name.equals("log") || p.currentToken() != JsonToken.START_OBJECT) {
                    copyOrSkip(p, g);
                    continue;
                }
                if (g != null) {
                    g.writeStartObject();
                }
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    String field = p.currentName();
                    p.nextToken();
                    if (g != null) {
                        g.writeName(field);
                    }
                    if (!field.equals("entries") || p.currentToken() != JsonToken.START_ARRAY) {
                        copyOrSkip(p, g);
                        continue;
                    }
                    if (g != null) {
                        g.writeStartArray();
                    }
                    int index = 0;
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        JsonNode entry = TREES.readTree(p);
                        if (visitor.visit(index++, entry) && g != null) {
                            g.writeTree(entry);
                        }
                    }
                    if (g != null) {
                        g.writeEndArray();
                    }
                }
                if (g != null) {
                    g.writeEndObject();
                }
            }
            if (g != null) {
                g.writeEndObject();
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void copyOrSkip(JsonParser p, JsonGenerator g) {
        if (g != null) {
            g.copyCurrentStructure(p);
        } else {
            p.skipChildren();
        }
    }
}
