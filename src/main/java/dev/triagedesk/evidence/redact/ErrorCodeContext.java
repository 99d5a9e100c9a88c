package dev.triagedesk.evidence.redact;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells an error code support needs ({@code 42P17}, {@code PGRST204}, {@code E11000}, {@code rate_limit_exceeded})
 * from a one-time or OAuth code that must go, for a value under a {@code code}-like name in a response body. What
 * decides is where it stands: a failing response carries errors, not codes to sign in with; a successful response
 * of an authorization flow (a token exchange, a device authorization, an OTP check) carries exactly those codes.
 * Codes a client sends (request bodies, a redirect URL's query) are never judged here: they always go.
 *
 * <p>One per {@link Redactor}: the HAR reader says which response it is in before its headers and body.
 */
public final class ErrorCodeContext {

    /** Words that make a code name a one-time or sign-in code whatever the response: {@code user_code}, {@code otpCode}. */
    private static final Set<String> ONE_TIME_WORDS = Set.of("user", "device", "auth", "authorization", "otp",
            "verification", "verify", "mfa", "sms", "totp", "recovery", "backup", "pin", "login", "confirmation",
            "confirm", "reset", "invite", "invitation", "activation", "magic", "access", "oauth", "pkce", "challenge",
            "security", "promo", "coupon", "voucher", "gift", "referral", "one", "time", "onetime", "passcode", "secret");
    /** Words that make a code name explicitly an error's: {@code error_code}, {@code errorCode}, {@code sub_code}. */
    private static final Set<String> ERROR_WORDS = Set.of("error", "err", "errors", "status", "reason", "sub", "result",
            "failure", "fault", "exception", "problem", "sql", "state", "sqlstate");
    private static final int MAX_ERROR_CODE = 40;

    private boolean failing;
    private String url;
    /** Whether {@link #url} is a sign-in flow's, worked out only when a code field asks (most responses have none). */
    private Boolean authFlow;

    ErrorCodeContext() {
    }

    /** The response about to be read: its request's URL and its status (null when not known yet). */
    void response(String url, Integer status) {
        failing = status != null && status >= 400;
        if (!java.util.Objects.equals(url, this.url)) {
            this.url = url;
            authFlow = null;
        }
    }

    private boolean authFlow() {
        if (authFlow == null) {
            authFlow = url != null && isAuthFlow(url);
        }
        return authFlow;
    }

    /** Whether the value of a code-like field of this response is an error code to keep. */
    boolean keeps(String name, String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        NameSays says = nameSays(name);
        if (says == NameSays.ONE_TIME) {
            return false;
        }
        if (failing) {
            return isErrorCodeShape(value);
        }
        if (says != NameSays.ERROR && authFlow()) {
            return false; // "code" in a 2xx body of a sign-in flow is the code itself
        }
        return SensitiveNames.looksLikeErrorCode(value);
    }

    private enum NameSays { ERROR, ONE_TIME, NEUTRAL }

    private static NameSays nameSays(String name) {
        if (name == null) {
            return NameSays.NEUTRAL;
        }
        NameSays says = NameSays.NEUTRAL;
        for (String word : words(name)) {
            if (ONE_TIME_WORDS.contains(word)) {
                return NameSays.ONE_TIME;
            }
            if (ERROR_WORDS.contains(word)) {
                says = NameSays.ERROR;
            }
        }
        return says;
    }

    /** Compiled once: {@code String.replaceAll} and {@code split} compiled them for every code field of a line. */
    private static final Pattern CAMEL_HUMP = Pattern.compile("([a-z0-9])([A-Z])");
    private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9]+");

    private static String[] words(String name) {
        return NOT_WORD.split(CAMEL_HUMP.matcher(name).replaceAll("$1 $2").toLowerCase(Locale.ROOT));
    }

    /**
     * What an error code looks like in a failing response: short, one word of letters, digits and separators
     * ({@code 42P17}, {@code auth/invalid-email}, {@code InvalidParameterValue}), and neither a known key shape
     * nor a random token (a long run mixing letters and digits, as OAuth codes are). All-digit values longer than
     * five are one-time codes as often as error numbers: they go.
     */
    static boolean isErrorCodeShape(String value) {
        int n = value.length();
        if (n > MAX_ERROR_CODE) {
            return false;
        }
        boolean allDigits = true;
        int run = 0;
        boolean runLetter = false;
        boolean runDigit = false;
        int runChanges = 0;
        char previous = 0;
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            boolean letter = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
            boolean digit = c >= '0' && c <= '9';
            if (!letter && !digit && "_-./:".indexOf(c) < 0) {
                return false; // spaces, quotes, '=' and '+': a message or an encoded value, not a code
            }
            allDigits &= digit;
            if (letter || digit) {
                if (run > 0 && classOf(c) != classOf(previous)) {
                    runChanges++;
                }
                run++;
                runLetter |= letter;
                runDigit |= digit;
                previous = c;
                if (run >= 12 && (runLetter && runDigit || runChanges * 3 > run)) {
                    return false; // a random token, not words
                }
            } else {
                run = 0;
                runLetter = false;
                runDigit = false;
                runChanges = 0;
            }
        }
        if (allDigits) {
            return n <= 5;
        }
        return SecretShapes.at(value, 0, n) == null;
    }

    private static int classOf(char c) {
        return c >= '0' && c <= '9' ? 0 : c >= 'A' && c <= 'Z' ? 1 : 2;
    }

    /** Endpoints where a 2xx body's {@code code} is the sign-in code itself. */
    static boolean isAuthFlow(String url) {
        int q = url.indexOf('?');
        String path = (q < 0 ? url : url.substring(0, q)).toLowerCase(Locale.ROOT);
        for (String word : AUTH_PATH_WORDS) {
            if (path.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static final String[] AUTH_PATH_WORDS = {"oauth", "authorize", "/token", "/auth", "login", "signin",
        "sign-in", "sign_in", "callback", "otp", "/verify", "mfa", "2fa", "/device", "magic", "passwordless", "/sso",
        "saml", "openid", "connect/"};
}
