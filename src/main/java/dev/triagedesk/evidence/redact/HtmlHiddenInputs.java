package dev.triagedesk.evidence.redact;

import java.util.Locale;

/**
 * The secrets an HTML page hands to its forms: {@code <input name="csrf_token" value="…">} and
 * {@code <meta name="csrf-token" content="…">}. A tag's {@code name} is judged as a form field's name is, and a
 * password input loses its value whatever its name; the rest of the page is then scanned as text.
 */
final class HtmlHiddenInputs {

    private static final int MAX_TAG = 4096;

    private HtmlHiddenInputs() {
    }

    static String redact(Redactor redactor, String html, String rule) {
        StringBuilder out = null;
        int copied = 0;
        int n = html.length();
        int i = html.indexOf('<');
        while (i >= 0 && i + 5 < n) {
            boolean input = html.regionMatches(true, i + 1, "input", 0, 5);
            boolean meta = !input && html.regionMatches(true, i + 1, "meta", 0, 4);
            int nameEnd = i + 1 + (input ? 5 : 4);
            if ((input || meta) && nameEnd < n && !isNameChar(html.charAt(nameEnd))) {
                Tag tag = Tag.read(html, nameEnd, Math.min(n, nameEnd + MAX_TAG));
                String valueAttr = input ? "value" : "content";
                int[] value = tag.span(valueAttr);
                String name = tag.value(html, "name");
                if (name == null && meta) {
                    name = tag.value(html, "property");
                }
                if (name == null && input) {
                    name = tag.value(html, "id");
                }
                boolean password = input && "password".equalsIgnoreCase(tag.value(html, "type"));
                if (value != null && value[1] > value[0] && (password || name != null)) {
                    String v = html.substring(value[0], value[1]);
                    SecretKind kind = name == null ? null : SensitiveNames.classify(name, Scope.FORM);
                    String redacted = kind != null ? redactor.parameter(name, v, Scope.FORM)
                            : password ? redactor.secret(rule, SecretKind.PASSWORD, name, v) : v;
                    if (redacted != v) {
                        if (out == null) {
                            out = new StringBuilder(n + 64);
                        }
                        out.append(html, copied, value[0]).append(redacted);
                        copied = value[1];
                    }
                }
                i = html.indexOf('<', Math.max(tag.end(), i + 1));
            } else {
                i = html.indexOf('<', i + 1);
            }
        }
        String tagsDone = out == null ? html : out.append(html, copied, n).toString();
        return redactor.text(tagsDone, rule);
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == ':';
    }

    /** The attributes of one tag: name spans and value spans (quotes excluded), up to its '>'. */
    private record Tag(String[] names, int[][] values, int count, int end) {

        static Tag read(String s, int from, int limit) {
            String[] names = new String[16];
            int[][] values = new int[16][];
            int count = 0;
            int i = from;
            while (i < limit) {
                char c = s.charAt(i);
                if (c == '>') {
                    return new Tag(names, values, count, i + 1);
                }
                if (c <= ' ' || c == '/') {
                    i++;
                    continue;
                }
                int nameStart = i;
                while (i < limit && s.charAt(i) > ' ' && s.charAt(i) != '=' && s.charAt(i) != '>' && s.charAt(i) != '/') {
                    i++;
                }
                String name = s.substring(nameStart, i).toLowerCase(Locale.ROOT);
                while (i < limit && s.charAt(i) <= ' ') {
                    i++;
                }
                int[] value = null;
                if (i < limit && s.charAt(i) == '=') {
                    i++;
                    while (i < limit && s.charAt(i) <= ' ') {
                        i++;
                    }
                    if (i < limit && (s.charAt(i) == '"' || s.charAt(i) == '\'')) {
                        char q = s.charAt(i);
                        int close = s.indexOf(q, i + 1);
                        if (close < 0 || close >= limit) {
                            return new Tag(names, values, count, limit);
                        }
                        value = new int[] {i + 1, close};
                        i = close + 1;
                    } else {
                        int vs = i;
                        while (i < limit && s.charAt(i) > ' ' && s.charAt(i) != '>') {
                            i++;
                        }
                        value = new int[] {vs, i};
                    }
                }
                if (count < names.length && !name.isEmpty()) {
                    names[count] = name;
                    values[count] = value;
                    count++;
                }
                if (i == nameStart) {
                    i++;
                }
            }
            return new Tag(names, values, count, limit);
        }

        int[] span(String lowerName) {
            for (int k = 0; k < count; k++) {
                if (names[k].equals(lowerName)) {
                    return values[k];
                }
            }
            return null;
        }

        String value(String s, String lowerName) {
            int[] v = span(lowerName);
            return v == null ? null : s.substring(v[0], v[1]);
        }
    }
}
