package dev.triagedesk.evidence.redact;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides whether a header, parameter, cookie or JSON field name says its value is a secret: token, secret,
 * password, key, session, auth, credential, signature or code, compared case-insensitively.
 *
 * <p>Names are split into words (separators and camelCase), so {@code :authority} is not "auth" and
 * {@code keep-alive} is not "key"; run-together names ({@code csrfmiddlewaretoken}) are also searched for the
 * unambiguous stems. Counts such as {@code max_tokens} or {@code x-ratelimit-remaining-tokens} stay readable.
 */
public final class SensitiveNames {

    private static final Map<String, SecretKind> WORDS = Map.ofEntries(
            Map.entry("token", SecretKind.TOKEN),
            Map.entry("csrf", SecretKind.TOKEN),
            Map.entry("xsrf", SecretKind.TOKEN),
            Map.entry("secret", SecretKind.SECRET),
            Map.entry("password", SecretKind.PASSWORD),
            Map.entry("passwd", SecretKind.PASSWORD),
            Map.entry("passphrase", SecretKind.PASSWORD),
            Map.entry("pwd", SecretKind.PASSWORD),
            Map.entry("pass", SecretKind.PASSWORD),
            Map.entry("pin", SecretKind.PASSWORD),
            Map.entry("otp", SecretKind.PASSWORD),
            Map.entry("key", SecretKind.KEY),
            Map.entry("apikey", SecretKind.API_KEY),
            Map.entry("session", SecretKind.SESSION),
            Map.entry("sessionid", SecretKind.SESSION),
            Map.entry("sid", SecretKind.SESSION),
            Map.entry("auth", SecretKind.CREDENTIAL),
            Map.entry("oauth", SecretKind.CREDENTIAL),
            Map.entry("credential", SecretKind.CREDENTIAL),
            Map.entry("credentials", SecretKind.CREDENTIAL),
            Map.entry("signature", SecretKind.SIGNATURE),
            Map.entry("sig", SecretKind.SIGNATURE),
            Map.entry("code", SecretKind.CODE),
            Map.entry("jwt", SecretKind.JWT),
            Map.entry("bearer", SecretKind.BEARER),
            Map.entry("cookie", SecretKind.COOKIE),
            Map.entry("authorization", SecretKind.AUTHORIZATION));

    /** Stems searched inside run-together names; "token" is checked separately so "tokens" (a count) is not one. */
    private static final String[][] STEMS = {
            {"secret", "secret"}, {"password", "password"}, {"passwd", "password"}, {"apikey", "api-key"},
            {"accesskey", "key"}, {"privatekey", "key"}, {"sessionid", "session"}, {"sessionkey", "session"},
            {"credential", "credential"}, {"signature", "signature"}, {"authorization", "authorization"},
            {"cookie", "cookie"}, {"jwt", "jwt"}};

    /** In free text only these words count: "key", "code" or "auth" next to a colon is usually prose. */
    private static final java.util.Set<SecretKind> STRONG_IN_TEXT = java.util.EnumSet.of(
            SecretKind.TOKEN, SecretKind.SECRET, SecretKind.PASSWORD, SecretKind.API_KEY, SecretKind.JWT,
            SecretKind.BEARER, SecretKind.CREDENTIAL, SecretKind.COOKIE, SecretKind.AUTHORIZATION,
            SecretKind.SESSION, SecretKind.SIGNATURE);

    private static final Map<String, SecretKind> CACHE = new ConcurrentHashMap<>();
    private static final SecretKind NONE = SecretKind.USERINFO; // cache sentinel, never returned

    private SensitiveNames() {
    }

    /** The kind of secret the name announces in this scope, or {@code null} when the value is not secret by name. */
    public static SecretKind classify(String name, Scope scope) {
        if (name == null || name.isEmpty()) {
            return null;
        }
        SecretKind kind = CACHE.get(name);
        if (kind == null) {
            kind = compute(name);
            if (CACHE.size() < 50_000) {
                CACHE.put(name, kind == null ? NONE : kind);
            }
        } else if (kind == NONE) {
            kind = null;
        }
        if (kind == null) {
            return null;
        }
        if (scope == Scope.TEXT) {
            if (!STRONG_IN_TEXT.contains(kind)) {
                return null;
            }
            // "auth", "sig" and bare "session" read as prose in text unless spelled as a compound
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("auth") || lower.equals("sig") || lower.equals("pass") || lower.equals("pin")
                    || lower.equals("sessions")) {
                return null;
            }
        }
        return kind;
    }

    /** True for names whose values are lists of header names or policies, never secrets (CORS headers). */
    public static boolean isAlwaysPublicHeader(String lowerName) {
        return lowerName.startsWith("access-control-") || lowerName.equals("vary")
                || lowerName.equals("www-authenticate") || lowerName.equals("proxy-authenticate");
    }

    /** Names that contain a secret word but describe, rather than hold, a credential. */
    private static final java.util.Set<String> DESCRIPTIVE = java.util.Set.of("token_type", "tokentype",
            "token_type_hint", "token-type", "auth_type", "authtype", "auth-type", "password_policy");

    private static SecretKind compute(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.startsWith("access-control-") || DESCRIPTIVE.contains(lower)) {
            return null;
        }
        SecretKind byWord = null;
        String previous = null;
        int n = name.length();
        int start = -1;
        for (int i = 0; i <= n; i++) {
            char c = i < n ? name.charAt(i) : ' ';
            boolean alnum = Character.isLetterOrDigit(c);
            boolean camelBreak = alnum && start >= 0 && i > start && Character.isUpperCase(c)
                    && Character.isLowerCase(name.charAt(i - 1));
            if (camelBreak || !alnum) {
                if (start >= 0) {
                    String word = lower.substring(start, i);
                    SecretKind k = "key".equals(word) && "api".equals(previous) ? SecretKind.API_KEY
                            : isSessionWord(word) ? SecretKind.SESSION : WORDS.get(word);
                    if (k != null && (byWord == null || k.ordinal() < byWord.ordinal())) {
                        byWord = k;
                    }
                    previous = word;
                }
                start = alnum ? i : -1;
            } else if (start < 0) {
                start = i;
            }
        }
        if (byWord != null) {
            return byWord;
        }
        String compact = compact(lower);
        if (containsTokenStem(compact)) {
            return SecretKind.TOKEN;
        }
        for (String[] stem : STEMS) {
            if (compact.contains(stem[0])) {
                for (SecretKind k : SecretKind.values()) {
                    if (k.id().equals(stem[1])) {
                        return k;
                    }
                }
            }
        }
        return null;
    }

    /**
     * Session names come in many spellings: {@code sid}, {@code SIDCC}, Google's {@code sidt} transfer token,
     * {@code sessionx}. A word starting with "session", or with "sid" but not "side" (sidebar), counts. The
     * leftover scan uses the same rule, so the two never disagree about what a session value is.
     */
    public static boolean isSessionWord(String lowerWord) {
        return lowerWord.startsWith("session")
                || lowerWord.startsWith("sid") && !lowerWord.startsWith("side") && lowerWord.length() <= 8;
    }

    private static boolean containsTokenStem(String compact) {
        int from = 0;
        while (true) {
            int i = compact.indexOf("token", from);
            if (i < 0) {
                return false;
            }
            int after = i + 5;
            if (after >= compact.length() || compact.charAt(after) != 's') {
                return true;
            }
            from = i + 1;
        }
    }

    private static String compact(String lower) {
        StringBuilder sb = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * Whether a value under a {@code code}-like name reads as an error code ({@code rate_limit_exceeded},
     * {@code PGRST202}, {@code 42P17}, {@code 1020}) rather than a one-time or OAuth code.
     */
    public static boolean looksLikeErrorCode(String value) {
        int n = value.length();
        if (n == 0 || n > 64) {
            return false;
        }
        boolean allDigits = true;
        for (int i = 0; i < n; i++) {
            if (!Character.isDigit(value.charAt(i))) {
                allDigits = false;
                break;
            }
        }
        if (allDigits) {
            return n <= 5;
        }
        boolean lowerShape = true;
        boolean upperShape = true;
        boolean separator = false;
        int run = 0;
        int longestRun = 0;
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            boolean sep = c == '_' || c == '.' || c == '-';
            if (sep) {
                separator = true;
                run = 0;
            } else {
                run++;
                longestRun = Math.max(longestRun, run);
            }
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || sep)) {
                lowerShape = false;
            }
            if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || sep)) {
                upperShape = false;
            }
        }
        char first = value.charAt(0);
        if (n == 5 && upperShape && !separator) {
            return true; // a PostgreSQL SQLSTATE such as 42P17 or P0001
        }
        if (!Character.isLetter(first) || !(lowerShape || upperShape)) {
            return false;
        }
        // error codes read as words: short, or split by separators into short parts
        return longestRun <= 15 && (separator || n < 16);
    }
}
