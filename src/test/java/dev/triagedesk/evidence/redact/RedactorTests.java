package dev.triagedesk.evidence.redact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.evidence.Secrets;
import org.junit.jupiter.api.Test;

class RedactorTests {

    private static final RedactionKey KEY = RedactionKey.of("unit-test-key-0123456789");
    private final Redactor redactor = new Redactor(KEY);

    @Test
    void authorizationKeepsTheSchemeAndHidesTheCredentialWhateverTheHeaderCase() {
        String jwt = Secrets.jwt("alice");
        String http2 = redactor.header("authorization", "Bearer " + jwt, false);
        String http1 = redactor.header("Authorization", "Bearer " + jwt, false);
        assertThat(http2).startsWith("Bearer [REDACTED:bearer:").doesNotContain(jwt);
        assertThat(http1).isEqualTo(http2);
        assertThat(redactor.header("Proxy-Authorization", "Basic dXNlcjpwYXNzd29yZA==", false))
                .startsWith("Basic [REDACTED:basic:");
    }

    @Test
    void theSameSecretGetsTheSameMarkerAndAnotherKeyGivesAnotherFingerprint() {
        String token = Secrets.sessionToken(1);
        String a = redactor.header("x-session-token", token, false);
        String b = redactor.cookieValue("session", token, false);
        assertThat(a.substring(a.lastIndexOf(':'))).isEqualTo(b.substring(b.lastIndexOf(':')));
        Redactor other = new Redactor(RedactionKey.of("another-key-0123456789"));
        assertThat(other.header("x-session-token", token, false)).isNotEqualTo(a);
        assertThat(a).matches("\\[REDACTED:token:[0-9a-f]{8}]");
    }

    @Test
    void cookieHeadersKeepNamesAndLoseEveryValue() {
        String v = redactor.header("cookie", "__Secure-next-auth.session-token=" + Secrets.sessionToken(2)
                + "; cf_clearance=abc123def456; oai-did=1234", false);
        assertThat(v).contains("__Secure-next-auth.session-token=[REDACTED:cookie:", "cf_clearance=[REDACTED:cookie:",
                "oai-did=[REDACTED:cookie:").doesNotContain("abc123def456", Secrets.sessionToken(2));
    }

    @Test
    void setCookieKeepsAttributes() {
        String v = redactor.header("Set-Cookie", "sid=" + Secrets.sessionToken(3) + "; Path=/; HttpOnly; Secure\n"
                + "theme=dark; Path=/", true);
        assertThat(v).startsWith("sid=[REDACTED:cookie:").contains("; Path=/; HttpOnly; Secure\ntheme=[REDACTED:cookie:")
                .doesNotContain(Secrets.sessionToken(3));
    }

    @Test
    void headersWhoseNameSaysSecretAreRedactedButRequestIdsAndCountsStay() {
        assertThat(redactor.header("x-api-key", "abcd1234efgh5678", false)).startsWith("[REDACTED:api-key:");
        assertThat(redactor.header("apikey", Secrets.jwt("anon"), false)).startsWith("[REDACTED:api-key:");
        assertThat(redactor.header("openai-sentinel-chat-requirements-token", "gAAAAAB-whatever", false))
                .startsWith("[REDACTED:token:");
        assertThat(redactor.header("X-CSRFToken", "abcdefabcdef", false)).startsWith("[REDACTED:token:");
        assertThat(redactor.header("x-request-id", "req_0123456789abcdef0123456789abcdef", true))
                .isEqualTo("req_0123456789abcdef0123456789abcdef");
        assertThat(redactor.header("cf-ray", "8830f9abcda18283-TPE", true)).isEqualTo("8830f9abcda18283-TPE");
        assertThat(redactor.header("x-ratelimit-remaining-tokens", "29000", true)).isEqualTo("29000");
        assertThat(redactor.header(":authority", "chatgpt.com", false)).isEqualTo("chatgpt.com");
        assertThat(redactor.header("keep-alive", "timeout=5", true)).isEqualTo("timeout=5");
        assertThat(redactor.header("Access-Control-Allow-Headers", "authorization, x-api-key", true))
                .isEqualTo("authorization, x-api-key");
    }

    @Test
    void errorCodesInResponsesStayWhileCodesClientsSendGo() {
        assertThat(redactor.header("x-error-code", "rate_limit_exceeded", true)).isEqualTo("rate_limit_exceeded");
        String body = "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"param\":null,"
                + "\"code\":\"rate_limit_exceeded\"}}";
        assertThat(redactor.body("application/json", body, false)).isSameAs(body);
        String exchange = "{\"grant_type\":\"authorization_code\",\"code\":\"rate_limit_exceeded\"}";
        assertThat(redactor.body("application/json", exchange, true)).contains("\"code\":\"[REDACTED:code:");
        assertThat(redactor.url("https://app.example/callback?code=4%2F0AX4XfWh&state=xyz"))
                .contains("code=[REDACTED:code:").contains("state=xyz");
    }

    @Test
    void urlsLoseUserInfoSensitiveParametersAndTokenShapesButKeepHostAndPath() {
        String jwt = Secrets.jwt("bob");
        String url = "https://user:hunter2@chatgpt.com/backend-api/me?access_token=" + jwt
                + "&limit=28&key=AIzaFakeFakeFakeFakeFakeFakeFakeFake123#id_token=" + jwt;
        String r = redactor.url(url);
        assertThat(r).startsWith("https://REDACTED-userinfo-").contains("@chatgpt.com/backend-api/me?access_token=[REDACTED:token:")
                .contains("&limit=28&key=[REDACTED:key:").contains("#id_token=[REDACTED:token:")
                .doesNotContain("hunter2", jwt, "AIzaFake");
        assertThat(redactor.url("https://chatgpt.com/c/6915a9bc-afa8-8327-9f3b-0123456789ab"))
                .isEqualTo("https://chatgpt.com/c/6915a9bc-afa8-8327-9f3b-0123456789ab");
        String other = Secrets.jwt("bob-reset");
        assertThat(redactor.url("https://x.example/reset/" + other)).isEqualTo("https://x.example/reset/"
                + redactor.marker(SecretKind.JWT, other));
        assertThat(redactor.url("https://x.example/reset/" + jwt)).as("a known secret keeps its first kind")
                .isEqualTo("https://x.example/reset/" + redactor.marker(SecretKind.TOKEN, jwt));
    }

    @Test
    void jsonBodiesAreWalkedByKeyAtAnyDepth() {
        String jwt = Secrets.jwt("carol");
        String body = "{\"user\":{\"name\":\"Pat\",\"email\":\"pat@example.com\"},\"expires\":\"2026-03-01\","
                + "\"accessToken\":\"" + jwt + "\",\"nested\":[{\"client_secret\":\"s3cr3t-value\"},"
                + "{\"password\":123456}],\"usage\":{\"total_tokens\":42,\"max_tokens\":100}}";
        String r = redactor.body("application/json", body, false);
        assertThat(r).doesNotContain(jwt, "s3cr3t-value", "123456").contains("\"accessToken\":\"[REDACTED:token:")
                .contains("\"client_secret\":\"[REDACTED:secret:").contains("\"password\":\"[REDACTED:password:")
                .contains("\"total_tokens\":42").contains("\"max_tokens\":100").contains("pat@example.com");
    }

    @Test
    void formBodiesAndQueryParametersByName() {
        String r = redactor.body("application/x-www-form-urlencoded", "username=pat&password=hunter2&client_id=abc", true);
        assertThat(r).isEqualTo("username=pat&password=[REDACTED:password:" + fp("hunter2") + "]&client_id=abc");
        assertThat(redactor.parameter("api_key", "abc123def", Scope.QUERY)).startsWith("[REDACTED:api-key:");
        assertThat(redactor.parameter("q", "how are you", Scope.QUERY)).isEqualTo("how are you");
    }

    @Test
    void freeTextLosesTokenShapesWherever() {
        String key = Secrets.openAiKey(1);
        String jwt = Secrets.jwt("dan");
        String text = "Calling with " + key + " and Authorization: Bearer abc.def.ghi123456 then token=" + jwt
                + " and password: hunter22; see https://example.com/cb?access_token=xyz123abc";
        String r = redactor.text(text);
        assertThat(r).doesNotContain(key, jwt, "abc.def.ghi123456", "hunter22", "xyz123abc")
                .contains("[REDACTED:api-key:").contains("Authorization: Bearer [REDACTED:authorization:")
                .contains(" then token=[REDACTED:jwt:").contains("https://example.com/cb?access_token=[REDACTED:token:");
        assertThat(redactor.text("Cookie: a=1; sid=abcdef12; c=3 and more")).matches(
                "Cookie: \\[REDACTED:cookie:[0-9a-f]{8}] and more");
        assertThat(LeftoverScan.check(r)).isEmpty();
    }

    @Test
    void aKeyGluedToANameByAHyphenOrUnderscoreIsStillAKey() {
        String key = Secrets.openAiKey(3);
        for (String glued : new String[] {"user-" + key, "OPENAI_KEY_" + key, "x-sk_live_a1B2c3D4e5F6g7H8i9"}) {
            String secret = glued.substring(glued.indexOf("sk"));
            String r = redactor.text("export " + glued + " # from the vault");
            assertThat(r).as(glued).doesNotContain(secret).contains("[REDACTED:");
        }
        // the last check before storage refuses OpenAI keys only: it must see the glued ones too
        assertThat(LeftoverScan.check("export user-" + key)).isNotEmpty();
        assertThat(LeftoverScan.check("export OPENAI_KEY_" + key)).isNotEmpty();
    }

    /**
     * Scripts without spaces between words (Japanese, Chinese) put a pasted key right after a letter; the redactor
     * took that letter for the key's word and kept the key, and the last check before storage, which sees the bytes,
     * refused the whole file. A JWT right after digits was kept the same way. Both are redacted now.
     */
    @Test
    void aKeyRightAfterANonLatinLetterOrAJwtRightAfterDigitsIsRedacted() {
        String key = Secrets.openAiKey(5);
        String jwt = Secrets.jwt("user-42");
        for (String text : new String[] {"キーは" + key + "です", "密钥" + key, "token 42" + jwt, "id=7" + jwt}) {
            String r = redactor.text(text);
            assertThat(r).as(text).doesNotContain(key).doesNotContain(jwt.substring(0, 20)).contains("[REDACTED:");
            assertThat(LeftoverScan.check(r)).as(text).isEmpty();
        }
        // a slug after an accented letter is still a word, as after any letter
        String slug = "voir café-sk-learn-tutorial-for-beginners";
        assertThat(redactor.text(slug)).isSameAs(slug);
    }

    @Test
    void slugsThatHappenToHoldAKeyPrefixStay() {
        String text = "see /blog/how-to-use-sk-learn-with-large-pipelines and my_task_sk-runner-for-nightly-builds";
        assertThat(redactor.text(text)).isSameAs(text);
        assertThat(LeftoverScan.check(text)).isEmpty();
    }

    @Test
    void proseIsNotMistakenForSecrets() {
        String text = "Error code: 429 - rate limited. The bearer authentication failed; session: expired;"
                + " Incorrect API key provided: sk-abc***wjh3. max_tokens=4096 Failed to parse JWT: TypeError:"
                + " token_type=bearer";
        assertThat(redactor.text(text)).isSameAs(text);
    }

    @Test
    void aValueRedactedOnceIsRedactedWhereverItEchoes() {
        String session = "a1b2c3d4e5f6g7h8";
        String cookie = redactor.header("cookie", "__vrf=" + session, false);
        String marker = cookie.substring("__vrf=".length());
        assertThat(redactor.url("https://pixel.example/t.gif?c=" + session + "&r=1")).isEqualTo("https://pixel.example/t.gif?c=" + marker + "&r=1");
        assertThat(redactor.url("https://x.example/(S(" + session + "))/page")).isEqualTo("https://x.example/(S(" + marker + "))/page");
        assertThat(redactor.text("ref=" + session + ";")).isEqualTo("ref=" + marker + ";");
        assertThat(redactor.body("application/json", "{\"id\":\"" + session + "\"}", false)).isEqualTo("{\"id\":\"" + marker + "\"}");
        assertThat(redactor.text("not-" + session + "-glued")).as("only whole values").contains(session);
    }

    @Test
    void markersAreNotRedactedTwice() {
        String once = redactor.text("token=" + Secrets.sessionToken(9));
        long before = redactor.ledger().total();
        assertThat(redactor.text(once)).isSameAs(once);
        assertThat(redactor.url("https://x.example/?token=" + once.substring(6))).doesNotContain("REDACTED:token:[");
        assertThat(redactor.ledger().total()).isEqualTo(before);
    }

    @Test
    void otherWellKnownKeyShapes() {
        String[] secrets = {"ghp_" + "a1B2c3D4e5".repeat(4), "xoxb-1234567890-abcdefghij", "AKIAABCDEFGHIJKLMNOP",
            "sk_live_" + "a1b2C3d4".repeat(3), "-----BEGIN RSA PRIVATE KEY-----\nMIIEfake\n-----END RSA PRIVATE KEY-----"};
        for (String s : secrets) {
            assertThat(redactor.text("value " + s + " end")).doesNotContain(s).contains("[REDACTED:");
        }
    }

    @Test
    void theLedgerCountsByRuleAndKind() {
        Redactor r = new Redactor(KEY);
        r.header("authorization", "Bearer " + Secrets.jwt("x"), false);
        r.header("cookie", "a=1; b=2", false);
        r.text("key " + Secrets.openAiKey(3));
        RedactionReport report = r.ledger().report(false);
        assertThat(report.total()).isEqualTo(4);
        assertThat(report.rules()).extracting(RedactionReport.Rule::rule, RedactionReport.Rule::kind, RedactionReport.Rule::count)
                .contains(org.assertj.core.groups.Tuple.tuple("cookie", SecretKind.COOKIE, 2L),
                        org.assertj.core.groups.Tuple.tuple("request-header", SecretKind.BEARER, 1L),
                        org.assertj.core.groups.Tuple.tuple("text", SecretKind.API_KEY, 1L));
    }

    @Test
    void multipartFieldsGoByNameAndHtmlFormsLoseHiddenTokens() {
        String body = "--XyZ\r\nContent-Disposition: form-data; name=\"user\"\r\n\r\npat\r\n"
                + "--XyZ\r\nContent-Disposition: form-data; name=\"password\"\r\n\r\nhunter2hunter2\r\n--XyZ--\r\n";
        assertThat(redactor.body("multipart/form-data; boundary=\"XyZ\"", body, true)).isEqualTo(body.replace(
                "hunter2hunter2", redactor.marker(SecretKind.PASSWORD, "hunter2hunter2")));
        String html = "<form><input name=csrfmiddlewaretoken value=Zx9Yw8Vu7Ts6Rq5Po4><input name=q value=shoes></form>";
        assertThat(redactor.body("text/html", html, false)).isEqualTo(html.replace("Zx9Yw8Vu7Ts6Rq5Po4",
                redactor.marker(SecretKind.TOKEN, "Zx9Yw8Vu7Ts6Rq5Po4")));
        String plain = "<input name=csrf_token value=Abc123Def456Ghi789>";
        assertThat(redactor.body("text/plain", plain, false)).as("only HTML bodies are read as HTML").isSameAs(plain);
    }

    private String fp(String secret) {
        String m = new Redactor(KEY).marker(SecretKind.PASSWORD, secret);
        return m.substring(m.lastIndexOf(':') + 1, m.length() - 1);
    }
}
