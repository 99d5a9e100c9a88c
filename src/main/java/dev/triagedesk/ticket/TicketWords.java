package dev.triagedesk.ticket;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words a ticket is found by, lower-cased and cut to {@value #MAX_LENGTH} characters (a search for the start of
 * a longer word still finds it). Used both to index a ticket and to read the search box, so they always agree.
 *
 * <p>Two kinds of word: runs of letters and digits of any script, at least 2 characters ({@code saving},
 * {@code 42p17}); and compounds, letters and digits joined by {@code . _ - /} ({@code insufficient_quota},
 * {@code api.openai.com}, {@code v1/chat/completions}, {@code backend-api}), so that a host, a path or an error code
 * is found as itself, not as any ticket holding its parts. In a URL (or a compound starting with a host) the host
 * and the path are words of their own, and a host's parent domains too ({@code openai.com} finds
 * {@code api.openai.com}); the query string is not. What the search box reads first as compounds is read again
 * as plain words when that finds nothing ({@link Search#looser()}).
 *
 * <p>Besides what the reporter wrote, a ticket is found by what its evidence holds ({@link Index}): the host and
 * path of each failing request, its status, error code and type and net error, error codes quoted in console
 * errors, and its request IDs (a Cloudflare ray also without its {@code -FRA} colo suffix).
 */
public final class TicketWords {

    public static final int MAX_LENGTH = 40;
    static final int MAX_WORDS = 1000;
    /** Words from a ticket's evidence, beyond those of its text. */
    static final int MAX_EVIDENCE_WORDS = 500;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern COMPOUND = Pattern.compile("[\\p{L}\\p{N}]+(?:[._/-][\\p{L}\\p{N}]+)+");
    /** A URL: its host and its path; the port, query and fragment are read past. */
    private static final Pattern URL = Pattern.compile("(?:https?|wss?)://(?:[^\\s/?#@\"'<>]*@)?([^\\s/?#:\"'<>]+)"
            + "(?::\\d+)?(/[^\\s?#\"'<>]*)?(?:[?#][^\\s\"'<>]*)?");
    private static final Pattern HOST = Pattern.compile("[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,}"
            + "|\\d{1,3}(?:\\.\\d{1,3}){3}");
    private static final Pattern IP = Pattern.compile("\\d{1,3}(?:\\.\\d{1,3}){3}");
    /** A Cloudflare ray as its header gives it: 16 hex digits and the data centre ({@code 8f2b…-FRA}). */
    private static final Pattern RAY = Pattern.compile("([0-9a-f]{16})-[a-z]{3,4}");
    /** Error codes quoted in a console message: {@code "code": "insufficient_quota"}, {@code type=…}. */
    private static final Pattern QUOTED_CODE = Pattern.compile(
            "(?i)[\"']?\\b(?:code|type|error_code|error_type)[\"']?\\s*[:=]\\s*[\"']?([\\p{L}\\p{N}][\\w.-]{1,63})");
    /** snake_case identifiers in a message: error codes such as {@code rate_limit_exceeded}. */
    private static final Pattern SNAKE = Pattern.compile("\\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\\b");

    private TicketWords() {
    }

    /** The words of free text: letters-and-digits words and compounds, with hosts and paths of URLs. */
    public static Set<String> of(String... texts) {
        Set<String> words = new LinkedHashSet<>();
        for (String text : texts) {
            if (text != null) {
                textWords(text.toLowerCase(Locale.ROOT), words, MAX_WORDS, true);
            }
        }
        return words;
    }

    /** The escape character of {@link #likePrefix}, to be named in the query (Hibernate sets none otherwise). */
    public static final char LIKE_ESCAPE = '\\';

    /** The LIKE pattern of the words starting with {@code word}: {@code _} is a wildcard there, so it is escaped. */
    public static String likePrefix(String word) {
        return word.replace("_", LIKE_ESCAPE + "_") + "%";
    }

    /**
     * What the search box looks for: {@code words}, where a host, path or code is one word, and, when that differs,
     * {@code looser}: the plain letters-and-digits words, used when the first finds nothing.
     */
    public record Search(List<String> words, List<String> looser) {
    }

    /** The words a search for {@code text} looks up (see {@link Search}). */
    public static Search search(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        Matcher ray = RAY.matcher(lower.strip());
        if (ray.matches()) {
            // a ray is found with or without its colo suffix: look for the part every form shares
            return new Search(List.of(ray.group(1)), List.of());
        }
        Set<String> words = new LinkedHashSet<>();
        textWords(lower, words, MAX_WORDS, false);
        Set<String> plain = new LinkedHashSet<>();
        plainWords(lower, plain, MAX_WORDS);
        List<String> exact = new ArrayList<>(words);
        List<String> looser = new ArrayList<>(plain);
        return new Search(List.copyOf(exact), exact.equals(looser) ? List.of() : List.copyOf(looser));
    }

    /** The words of a ticket: its text, then what its evidence holds. */
    public static final class Index {

        private final Set<String> words = new LinkedHashSet<>();
        /**
         * What was indexed already: a large HAR's thousands of failing requests repeat a few addresses, statuses and
         * codes, and the same input always gives the same words.
         */
        private final Set<String> seen = new HashSet<>();
        private int evidenceWords;

        /** What the reporter wrote. */
        public Index text(String... texts) {
            for (String t : texts) {
                if (t != null) {
                    textWords(t.toLowerCase(Locale.ROOT), words, MAX_WORDS, true);
                }
            }
            return this;
        }

        /** A failing request's address: its host (and parent domains) and path, not its query. */
        public Index url(String url) {
            if (url != null && room() && firstTime('u', beforeQuery(url))) {
                Matcher m = URL.matcher(url.toLowerCase(Locale.ROOT));
                if (m.lookingAt()) {
                    evidence(w -> {
                        host(m.group(1), w, true);
                        path(m.group(2), w);
                        plainWords(m.group(1) + " " + (m.group(2) == null ? "" : m.group(2)), w, Integer.MAX_VALUE);
                    });
                }
            }
            return this;
        }

        /** An error code or type, a net error, a status: as a compound and as its words. */
        public Index code(String code) {
            if (code != null && !code.isBlank() && room() && firstTime('c', code)) {
                evidence(w -> textWords(code.toLowerCase(Locale.ROOT), w, Integer.MAX_VALUE, true));
            }
            return this;
        }

        public Index status(Integer status) {
            return status == null || status <= 0 ? this : code(Integer.toString(status));
        }

        /** Error codes quoted in a console error's message. */
        public Index codesIn(String message) {
            if (message == null || !room()) {
                return this;
            }
            Matcher m = QUOTED_CODE.matcher(message);
            while (m.find()) {
                code(m.group(1));
            }
            m = SNAKE.matcher(message);
            while (m.find()) {
                code(m.group());
            }
            return this;
        }

        /** A request ID, whole (and a ray also without its colo suffix): its parts say nothing on their own. */
        public Index identifier(String value) {
            if (value == null || value.isBlank() || !room() || !firstTime('i', value)) {
                return this;
            }
            String v = value.strip().toLowerCase(Locale.ROOT);
            evidence(w -> {
                Matcher ray = RAY.matcher(v);
                if (ray.matches()) {
                    add(ray.group(1), w, Integer.MAX_VALUE);
                }
                if (COMPOUND.matcher(v).matches() || WORD.matcher(v).matches()) {
                    add(v, w, Integer.MAX_VALUE);
                } else {
                    textWords(v, w, Integer.MAX_VALUE, false);
                }
            });
            return this;
        }

        public Set<String> words() {
            return words;
        }

        private boolean room() {
            return evidenceWords < MAX_EVIDENCE_WORDS;
        }

        private boolean firstTime(char kind, String input) {
            return seen.add(kind + input);
        }

        /** An address up to its query or fragment, which {@link #url} reads past. */
        private static String beforeQuery(String url) {
            for (int i = 0; i < url.length(); i++) {
                char c = url.charAt(i);
                if (c == '?' || c == '#') {
                    return url.substring(0, i);
                }
            }
            return url;
        }

        private void evidence(java.util.function.Consumer<Set<String>> adder) {
            Set<String> more = new LinkedHashSet<>();
            adder.accept(more);
            for (String w : more) {
                if (evidenceWords < MAX_EVIDENCE_WORDS && words.add(w)) {
                    evidenceWords++;
                }
            }
        }
    }

    /**
     * Letters-and-digits words, compounds, and hosts and paths of URLs and of compounds starting with a host. The
     * index ({@code index}) takes every letters-and-digits word and a host's parent domains too, so a search for
     * {@code openai.com} finds {@code api.openai.com}; a search looks for the host given, and for letters-and-digits
     * words only outside the hosts, paths and compounds it holds.
     */
    private static void textWords(String lower, Set<String> words, int max, boolean index) {
        boolean parents = index;
        if (index) {
            plainWords(lower, words, max); // the search looks for the parts only outside hosts, paths and codes
        }
        StringBuilder rest = new StringBuilder(lower);
        Matcher u = URL.matcher(lower);
        while (u.find() && words.size() < max) {
            host(u.group(1), words, parents);
            path(u.group(2), words);
            for (int i = u.start(); i < u.end(); i++) {
                rest.setCharAt(i, ' '); // the URL's parts are read: its pieces are no compounds of their own
            }
        }
        Matcher c = COMPOUND.matcher(rest);
        List<int[]> read = new ArrayList<>();
        while (c.find() && words.size() < max) {
            read.add(new int[] {c.start(), c.end()});
            String compound = c.group();
            int slash = compound.indexOf('/');
            String first = slash < 0 ? compound : compound.substring(0, slash);
            if (HOST.matcher(first).matches()) {
                host(first, words, parents);
                if (slash > 0) {
                    path(compound.substring(slash), words);
                }
            } else if (slash > 0) {
                path(compound, words);
            } else {
                add(compound, words, max);
            }
        }
        if (!index) {
            for (int[] r : read) {
                for (int i = r[0]; i < r[1]; i++) {
                    rest.setCharAt(i, ' ');
                }
            }
            plainWords(rest.toString(), words, max);
        }
    }

    private static void plainWords(String lower, Set<String> words, int max) {
        Matcher m = WORD.matcher(lower);
        while (m.find() && words.size() < max) {
            if (m.end() - m.start() >= 2) {
                add(m.group(), words, max);
            }
        }
    }

    private static void host(String host, Set<String> words, boolean parents) {
        if (host == null || host.isEmpty()) {
            return;
        }
        add(host, words, Integer.MAX_VALUE);
        if (parents && !IP.matcher(host).matches()) {
            int dot = host.indexOf('.');
            while (dot > 0 && host.indexOf('.', dot + 1) > 0) {
                add(host.substring(dot + 1), words, Integer.MAX_VALUE);
                dot = host.indexOf('.', dot + 1);
            }
        }
    }

    /** A path without its outer slashes, as one word, and each of its segments that is a compound. */
    private static void path(String path, Set<String> words) {
        if (path == null) {
            return;
        }
        String p = path.replaceAll("^/+|/+$", "");
        if (p.isEmpty()) {
            return;
        }
        if (COMPOUND.matcher(p).matches()) {
            add(p, words, Integer.MAX_VALUE);
        }
        for (String segment : p.split("/")) {
            if (segment.indexOf('/') < 0 && COMPOUND.matcher(segment).matches()) {
                add(segment, words, Integer.MAX_VALUE);
            }
        }
    }

    private static void add(String w, Set<String> words, int max) {
        if (words.size() < max) {
            words.add(w.length() > MAX_LENGTH ? w.substring(0, MAX_LENGTH) : w);
        }
    }
}
