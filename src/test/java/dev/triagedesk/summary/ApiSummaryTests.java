package dev.triagedesk.summary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.evidence.SignalType;
import dev.triagedesk.ticket.ApiCallMode;
import dev.triagedesk.ticket.ApiEvidenceRows;
import dev.triagedesk.ticket.Evidence;
import dev.triagedesk.ticket.FailingRequest;
import dev.triagedesk.ticket.Product;
import dev.triagedesk.ticket.Ticket;
import dev.triagedesk.ticket.TicketDetails;
import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/**
 * The note of an API ticket reads like the note the vendor's support asks for: request IDs with their times (UTC
 * and the reporter's zone) and statuses first, then the call, the failing share, the retries, the rate-limit headers
 * and the error codes; prompt and completion text a debug log quotes never in it.
 */
class ApiSummaryTests {

    private static final String CHAT = "https://api.openai.com/v1/chat/completions";

    @Test
    void requestIdsWithTheirTimesAndStatusesComeFirst() {
        Ticket t = ticket();
        ApiEvidenceRows rows = new ApiEvidenceRows(t);
        Evidence log = rows.log("openai.log");
        rows.call(log, 4, "2026-03-01T10:00:00Z", "POST", CHAT, 429, "requests", "rate_limit_exceeded", "req_aaa");
        rows.call(log, 9, "2026-03-01T10:00:01.500Z", "POST", CHAT, 429, "requests", "rate_limit_exceeded", "req_bbb");
        rows.signal(log, SignalType.SDK_RETRIES, 5, "2 retries, waits 0.48 s and 0.93 s");
        rows.signal(log, SignalType.RATE_LIMIT_EXHAUSTED, 6, "x-ratelimit-remaining-requests: 0, reset in 12s");
        SupportSummary.Rendered note = render(rows.details());

        String text = note.text();
        // the request IDs come before everything but the checklist
        assertThat(text.indexOf("Request IDs\n")).isLessThan(text.indexOf("What happened"))
                .isGreaterThan(text.indexOf("Support-ready checklist"));
        assertThat(text).contains("- Request ID: req_aaa | Time (UTC): 2026-03-01 10:00:00 | Time (Europe/Berlin):"
                        + " 2026-03-01 11:00:00 | Call: POST /v1/chat/completions | Status: 429 | Error: rate_limit_exceeded",
                "- Request ID: req_bbb | Time (UTC): 2026-03-01 10:00:01",
                "- Request ID: req_typed | Call: given by the reporter");
        assertThat(text).contains("Endpoint: /v1/chat/completions", "Model: gpt-4o-mini", "SDK: openai-python 1.54.0",
                "Calls: streaming", "Organization: org-abc", "Project: proj_x",
                "Failing share (reporter's estimate): 30%",
                "Retries: retried with backoff, still failing (reporter); The client already retried: 2 retries,"
                        + " waits 0.48 s and 0.93 s",
                "Rate-limit headers: Rate-limit headers show nothing remaining: x-ratelimit-remaining-requests: 0,"
                        + " reset in 12s",
                "Error codes: rate_limit_exceeded (2)");
        // the details come before the evidence, the verdict last
        assertThat(text.indexOf("API details")).isLessThan(text.indexOf("Evidence"));
        assertThat(text).contains("SDK log or transcript openai.log:");
        assertThat(note.markdown()).contains("| `req_aaa` | 2026-03-01 10:00:00 | 2026-03-01 11:00:00 |"
                + " `POST /v1/chat/completions` | 429 | rate\\_limit\\_exceeded |");
    }

    @Test
    void promptAndCompletionTextIsLeftOut() {
        Ticket t = ticket();
        ApiEvidenceRows rows = new ApiEvidenceRows(t);
        Evidence log = rows.log("openai.log");
        FailingRequest f = rows.call(log, 4, "2026-03-01T10:00:00Z", "POST", CHAT, 400, "invalid_request_error",
                "invalid_value", "req_p");
        rows.signal(log, SignalType.SDK_RETRIES, 2, "Request options: {'method': 'post', 'json_data':"
                + " {'messages': [{'role': 'user', 'content': 'my secret plan'}], 'model': 'gpt-4o'}}");
        TicketDetails d = rows.details();
        SupportSummary.Rendered note = render(d);
        assertThat(note.text()).doesNotContain("my secret plan").contains(ApiSummary.PROMPT_LEFT_OUT);
        assertThat(note.markdown()).doesNotContain("my secret plan");
        assertThat(f.getErrorMessage()).isEqualTo("message of invalid_value");
    }

    @Test
    void withoutPromptKeepsWhatIsNotAPrompt() {
        assertThat(ApiSummary.withoutPrompt("Error code: 400 - {'error': {'message': 'Invalid value', 'code':"
                + " 'invalid_value', 'param': 'messages[0].content'}}")).isEqualTo("Error code: 400 - {'error':"
                + " {'message': 'Invalid value', 'code': 'invalid_value', 'param': 'messages[0].content'}}");
        assertThat(ApiSummary.withoutPrompt("\"input\": \"tell me a secret\", \"model\": \"gpt-5\""))
                .isEqualTo("\"input\": " + ApiSummary.PROMPT_LEFT_OUT + ", \"model\": \"gpt-5\"");
        assertThat(ApiSummary.withoutPrompt("content='it\\'s a \"quote\"' done")).isEqualTo("content="
                + ApiSummary.PROMPT_LEFT_OUT + " done");
    }

    @Test
    void aTimeLoggedWithoutItsOffsetIsNotPassedOffAsUtc() {
        Ticket t = ticket();
        ApiEvidenceRows rows = new ApiEvidenceRows(t);
        rows.call(rows.log("app.log"), 3, "2025-03-01 10:00:00", "POST", CHAT, 500, null, null, "req_local");
        String text = render(rows.details()).text();
        assertThat(text).contains("- Request ID: req_local | Time (UTC): as logged: 2025-03-01 10:00:00 | Call: POST"
                + " /v1/chat/completions | Status: 500");
    }

    @Test
    void anApiTicketWithoutIdsSaysWhereToFindThem() {
        Ticket t = ticket();
        t.getApi().setRequestIds(null);
        String text = render(new ApiEvidenceRows(t).details()).text();
        assertThat(text).contains("None yet: support finds API calls by their x-request-id");
    }

    private static SupportSummary.Rendered render(TicketDetails d) {
        return SupportSummary.render(d, ReportVerdict.decide(d), ReadinessLabels.of(d));
    }

    private static Ticket ticket() {
        Ticket t = new Ticket("hash", Instant.parse("2026-03-01T12:00:00Z"));
        t.setProduct(Product.OPENAI_API);
        t.setSeenMessage("RateLimitError");
        t.setOccurredAt(LocalDateTime.of(2026, 3, 1, 11, 0));
        t.setTimeZone("Europe/Berlin");
        t.getApi().setEndpoint("/v1/chat/completions");
        t.getApi().setModel("gpt-4o-mini");
        t.getApi().setSdk("openai-python 1.54.0");
        t.getApi().setCallMode(ApiCallMode.STREAMING);
        t.getApi().setOrgId("org-abc");
        t.getApi().setProjectId("proj_x");
        t.getApi().setFailingPercent(30);
        t.getApi().setRetryAnswer("true");
        t.getApi().setRequestIds("req_typed");
        return t;
    }
}
