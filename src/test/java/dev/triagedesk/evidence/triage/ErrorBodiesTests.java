package dev.triagedesk.evidence.triage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.evidence.ErrorDetail;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every error body shape {@link ErrorBodies} reads, one row each: body and MIME type to type, code, message, param. */
class ErrorBodiesTests {

    static Stream<Arguments> bodies() {
        return Stream.of(
                // OpenAI: {"error": {message, type, param, code}}
                Arguments.of("openai 429 rate limit", "{\"error\":{\"message\":\"Rate limit reached for gpt-4.1\",\"type\":"
                        + "\"requests\",\"param\":null,\"code\":\"rate_limit_exceeded\"}}", "application/json",
                        new ErrorDetail("requests", "rate_limit_exceeded", "Rate limit reached for gpt-4.1", null)),
                Arguments.of("openai 429 quota", "{\"error\":{\"message\":\"You exceeded your current quota\",\"type\":"
                        + "\"insufficient_quota\",\"param\":null,\"code\":\"insufficient_quota\"}}", "application/json",
                        new ErrorDetail("insufficient_quota", "insufficient_quota", "You exceeded your current quota", null)),
                Arguments.of("openai 400 with param", "{\"error\":{\"message\":\"Invalid value\",\"type\":"
                        + "\"invalid_request_error\",\"param\":\"model\",\"code\":\"invalid_value\"}}", "application/json",
                        new ErrorDetail("invalid_request_error", "invalid_value", "Invalid value", "model")),
                Arguments.of("openai 500 without code", "{\"error\":{\"message\":\"The server had an error\",\"type\":"
                        + "\"server_error\",\"param\":null,\"code\":null}}", "application/json",
                        new ErrorDetail("server_error", null, "The server had an error", null)),
                // ChatGPT's FastAPI detail: a string, an object, a validation list
                Arguments.of("detail string", "{\"detail\":\"Unusual activity has been detected from your device.\"}",
                        "application/json", new ErrorDetail(null, null, "Unusual activity has been detected from your device.", null)),
                Arguments.of("detail object", "{\"detail\":{\"code\":\"token_expired\",\"message\":\"Your authentication"
                        + " token has expired.\"}}", "application/json",
                        new ErrorDetail(null, "token_expired", "Your authentication token has expired.", null)),
                Arguments.of("detail validation list", "{\"detail\":[{\"loc\":[\"body\",\"messages\",0],\"msg\":\"field"
                        + " required\",\"type\":\"value_error.missing\"}]}", "application/json",
                        new ErrorDetail("value_error.missing", null, "field required", "body.messages.0")),
                // OAuth
                Arguments.of("oauth", "{\"error\":\"invalid_grant\",\"error_description\":\"Token expired\"}",
                        "application/json", new ErrorDetail(null, "invalid_grant", "Token expired", null)),
                Arguments.of("error as a sentence", "{\"error\":\"Something went wrong\"}", "application/json",
                        new ErrorDetail(null, null, "Something went wrong", null)),
                // RFC 9457 problem details
                Arguments.of("problem details", "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404}",
                        "application/problem+json", new ErrorDetail(null, null, "Not Found", null)),
                // GraphQL / JSON:API
                Arguments.of("graphql errors", "{\"errors\":[{\"message\":\"Not authorized\",\"extensions\":{\"code\":"
                        + "\"UNAUTHENTICATED\"}}]}", "application/json",
                        new ErrorDetail(null, "UNAUTHENTICATED", "Not authorized", null)),
                Arguments.of("rails errors", "{\"errors\":{\"email\":[\"is invalid\"]}}", "application/json",
                        new ErrorDetail(null, null, "is invalid", "email")),
                // Google
                Arguments.of("google", "{\"error\":{\"code\":403,\"message\":\"The caller does not have permission\","
                        + "\"status\":\"PERMISSION_DENIED\"}}", "application/json",
                        new ErrorDetail("PERMISSION_DENIED", "403", "The caller does not have permission", null)),
                // Supabase / PostgREST
                Arguments.of("postgrest", "{\"code\":\"PGRST202\",\"details\":null,\"hint\":null,\"message\":\"Could not"
                        + " find the function public.get_all_users\"}", "application/json",
                        new ErrorDetail(null, "PGRST202", "Could not find the function public.get_all_users", null)),
                // HTML error pages: the title, Cloudflare's code
                Arguments.of("cloudflare 522", "<html><head><title>chatgpt.com | 522: Connection timed out</title></head>"
                        + "<body><span class=\"cf-error-code\">522</span></body></html>", "text/html",
                        new ErrorDetail(null, "522", "chatgpt.com | 522: Connection timed out", null)),
                Arguments.of("html h1 only", "<html><body><h1>Bad &amp; gateway</h1></body></html>", "text/html",
                        new ErrorDetail(null, null, "Bad & gateway", null)),
                // plain text: the first line
                Arguments.of("plain text", "upstream connect error\nreset reason: overflow", "text/plain",
                        new ErrorDetail(null, null, "upstream connect error", null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodies")
    void readsTheErrorOfEachShape(String shape, String body, String mime, ErrorDetail expected) {
        assertThat(ErrorBodies.parse(body, mime)).isEqualTo(expected);
    }

    @Test
    void bodiesWithoutAnErrorGiveNone() {
        assertThat(ErrorBodies.parse(null, "application/json")).isNull();
        assertThat(ErrorBodies.parse("  ", "application/json")).isNull();
        assertThat(ErrorBodies.parse("data: {\"x\":1}\n\n", "text/event-stream")).isNull();
    }

    @Test
    void jsonWithoutAnErrorShapeIsKeptAsTheServerWroteIt() {
        // nothing is lost: the agent still sees what the failing response said
        assertThat(ErrorBodies.parse("{\"status\":\"fail\"}", "application/json"))
                .isEqualTo(new ErrorDetail(null, null, "{\"status\":\"fail\"}", null));
    }

    @Test
    void longMessagesAreClipped() {
        ErrorDetail d = ErrorBodies.parse("{\"error\":{\"message\":\"" + "x".repeat(900) + "\"}}", "application/json");
        assertThat(d.message()).hasSize(500).endsWith("…");
    }
}
