package dev.triagedesk.evidence.har;

import static dev.triagedesk.evidence.Engines.entries;
import static dev.triagedesk.evidence.Engines.sanitize;
import static dev.triagedesk.evidence.Engines.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.evidence.HarBuilder;
import dev.triagedesk.evidence.redact.LeftoverScan;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Issue 9 §2: the sanitized HAR support receives keeps the error it is about. An error code in a failing
 * response stays; a one-time or OAuth code (a redirect's query, an authorization request, a token exchange, a
 * 2xx body of a sign-in flow) still goes.
 */
class ErrorCodesKeptTests {

    @TempDir
    Path dir;

    private List<JsonNode> sanitized(HarBuilder har) {
        String out = sanitize(write(dir, "t.har", har.json()), false);
        assertThat(LeftoverScan.check(out)).isEmpty();
        return entries(out);
    }

    private static JsonNode responseBody(JsonNode entry) {
        return dev.triagedesk.evidence.Engines.tree(entry.path("response").path("content").path("text").asString());
    }

    @Test
    void errorCodesOfFailingResponsesSurviveSanitizing() {
        String[][] bodies = {
            {"500", "{\"code\":\"42P17\",\"details\":null,\"hint\":null,\"message\":\"infinite recursion detected in policy for relation \\\"profiles\\\"\"}", "42P17"},
            {"400", "{\"code\":\"PGRST204\",\"details\":null,\"hint\":null,\"message\":\"Could not find the 'x' column\"}", "PGRST204"},
            {"409", "{\"code\":\"E11000\",\"message\":\"duplicate key error collection\"}", "E11000"},
            {"429", "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}", "rate_limit_exceeded"},
            {"401", "{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}", "invalid_api_key"},
            {"400", "{\"error\":{\"code\":\"auth/invalid-email\",\"message\":\"The email address is badly formatted.\"}}", "auth/invalid-email"},
            {"400", "{\"Error\":{\"Code\":\"InvalidParameterValue\",\"Message\":\"Value is not valid\"}}", "InvalidParameterValue"},
            {"400", "{\"error\":\"invalid_grant\",\"error_code\":\"AADSTS70008\",\"error_description\":\"The code has expired\"}", "AADSTS70008"},
        };
        HarBuilder har = new HarBuilder();
        for (String[] b : bodies) {
            har.entry("POST", "https://db.example.supabase.co/rest/v1/rpc/list_profiles", Integer.parseInt(b[0]))
                    .responseHeader("sb-request-id", "019a7c2e-8f1d-7b3a-9c4e-2d5f6a7b8c9d")
                    .body("application/json", b[1]).add();
        }
        List<JsonNode> out = sanitized(har);
        for (int i = 0; i < bodies.length; i++) {
            assertThat(out.get(i).path("response").path("content").path("text").asString())
                    .as("error code of entry %d", i).contains("\"" + bodies[i][2] + "\"").doesNotContain("[REDACTED");
            assertThat(out.get(i).path("response").path("headers").get(0).path("value").asString())
                    .isEqualTo("019a7c2e-8f1d-7b3a-9c4e-2d5f6a7b8c9d");
        }
    }

    @Test
    void oneTimeAndOAuthCodesStillGo() {
        String redirectCode = "4/0AX4XfWhRedirectCode";
        String sentCode = "SplxlOBeZQQYbYS6WxSbIA";
        String exchanged = "Qx7Lm2Np9Rt4Vw6Yz8Ab";
        String userCode = "WDJB-MJHT";
        String otpEcho = "734519";
        List<JsonNode> out = sanitized(new HarBuilder()
                .entry("GET", "https://app.example/callback?code=" + redirectCode + "&state=af0ifjsldkj", 302)
                .responseHeader("location", "https://app.example/home?code=" + redirectCode).add()
                .entry("POST", "https://auth.example/oauth/token", 400)
                .postData("application/x-www-form-urlencoded", "grant_type=authorization_code&code=" + sentCode)
                .body("application/json", "{\"error\":\"invalid_grant\",\"code\":\"" + sentCode + "\"}").add()
                .entry("POST", "https://auth.example/oauth/device/code", 200)
                .body("application/json", "{\"device_code\":\"GmRhmhcxhwAzkoEqiMEg_DnyEysNkuNhszIySk9eS\",\"user_code\":\""
                        + userCode + "\",\"verification_uri\":\"https://auth.example/device\"}").add()
                .entry("POST", "https://auth.example/api/auth/exchange", 200)
                .body("application/json", "{\"code\":\"" + exchanged + "\",\"status\":\"ok\"}").add()
                .entry("POST", "https://app.example/api/verify-otp", 422)
                .body("application/json", "{\"error\":\"otp_mismatch\",\"otp_code\":\"" + otpEcho + "\"}").add());
        String all = out.toString();
        assertThat(all).doesNotContain(redirectCode, sentCode, exchanged, userCode, otpEcho, "GmRhmhcxhwAzkoEqiMEg")
                .contains("state=af0ifjsldkj", "invalid_grant", "otp_mismatch", "https://auth.example/device");
        assertThat(responseBody(out.get(1)).path("error").asString()).isEqualTo("invalid_grant");
    }
}
