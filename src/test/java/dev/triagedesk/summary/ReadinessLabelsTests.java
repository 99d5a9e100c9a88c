package dev.triagedesk.summary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.ticket.ApiCallMode;
import dev.triagedesk.ticket.CheckResult;
import dev.triagedesk.ticket.Product;
import dev.triagedesk.ticket.Ticket;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The rule table of {@link ReadinessLabels}: the playbook's four labels for a web or app report, what support needs
 * for API calls for an API report (never a web-only check shown as done), and a HAR of another site never counted
 * as the capture support needs.
 */
class ReadinessLabelsTests {

    private static final ReadinessLabels.Found NOTHING = new ReadinessLabels.Found(0, false, List.of(), false, false,
            List.of(), null);

    @ParameterizedTest
    @EnumSource(value = Product.class, names = {"CHATGPT_WEB", "DESKTOP_APP", "MOBILE_APP", "OTHER"})
    void aWebOrAppReportCarriesThePlaybooksFourLabels(Product product) {
        assertThat(ReadinessLabels.of(ticket(product), NOTHING)).extracting(ReadinessLabels.Label::name).containsExactly(
                ReadinessLabels.OTHER_NETWORK, ReadinessLabels.CLEAN_PROFILE, ReadinessLabels.LOGS,
                ReadinessLabels.IDENTIFIER);
    }

    @Test
    void aWebReportsLabelsFollowItsAnswersAndAttachments() {
        Ticket t = ticket(Product.CHATGPT_WEB);
        List<ReadinessLabels.Label> none = ReadinessLabels.of(t, NOTHING);
        assertThat(none).extracting(ReadinessLabels.Label::present).containsOnly(false);
        assertThat(none.get(0).detail()).isEqualTo("try a phone hotspot with the VPN off, and say whether it still fails");

        t.getChecks().setVpnOff(CheckResult.STILL_FAILS);
        t.getChecks().setPrivateWindow(CheckResult.WORKS);
        t.setConversationUrl("https://chatgpt.com/c/6915a9bc-afa8-8327-9a1b-0123456789ab");
        List<ReadinessLabels.Label> all = ReadinessLabels.of(t, new ReadinessLabels.Found(1, true, List.of(), true, true,
                List.of("req_1", "req_2", "req_3", "req_4"), null));
        assertThat(all).extracting(ReadinessLabels.Label::present).containsOnly(true);
        assertThat(all.get(0).detail()).isEqualTo("another network (hotspot): not tried; VPN off: still fails");
        assertThat(all.get(1).detail()).isEqualTo("private window: works; cleared site data: not tried");
        assertThat(all.get(2).detail()).isEqualTo("HAR and console log attached");
        assertThat(all.get(3).detail()).isEqualTo("conversation https://chatgpt.com/c/6915a9bc-afa8-8327-9a1b-0123456789ab;"
                + " request IDs req_1, req_2, req_3");
    }

    @Test
    void aHarOfAnotherSiteIsNotTheCaptureSupportNeeds() {
        List<ReadinessLabels.Label> labels = ReadinessLabels.of(ticket(Product.CHATGPT_WEB),
                new ReadinessLabels.Found(1, true, List.of("capture.har"), true, true, List.of(), null));
        ReadinessLabels.Label logs = labels.get(2);
        assertThat(logs.present()).isFalse();
        assertThat(logs.detail()).startsWith("the HAR capture.har holds no request to ChatGPT or the OpenAI API"
                + " (chatgpt.com, ").contains("it shows another site: capture a HAR on the failing page itself");

        // with a second HAR of the failing page, the pair is the capture support needs
        assertThat(ReadinessLabels.of(ticket(Product.CHATGPT_WEB), new ReadinessLabels.Found(2, true,
                List.of("capture.har"), true, true, List.of(), null)).get(2).present()).isTrue();
    }

    @Test
    void anApiReportNeverShowsAWebOnlyCheckAsDone() {
        Ticket t = ticket(Product.OPENAI_API);
        // answers of the web checklist stored before the product was changed weigh nothing here
        t.getChecks().setOtherNetwork(CheckResult.WORKS);
        t.getChecks().setPrivateWindow(CheckResult.WORKS);
        t.setConversationUrl("https://chatgpt.com/c/6915a9bc-afa8-8327-9a1b-0123456789ab");
        List<ReadinessLabels.Label> labels = ReadinessLabels.of(t, NOTHING);
        assertThat(labels).extracting(ReadinessLabels.Label::name).containsExactly(ReadinessLabels.API_REQUEST_IDS,
                ReadinessLabels.API_TIME, ReadinessLabels.API_ORG, ReadinessLabels.API_CALL, ReadinessLabels.API_SCOPE,
                ReadinessLabels.API_LOGS)
                .doesNotContain(ReadinessLabels.OTHER_NETWORK, ReadinessLabels.CLEAN_PROFILE);
        assertThat(labels).extracting(ReadinessLabels.Label::present).containsOnly(false);
        assertThat(labels.get(0).detail()).isEqualTo("add the x-request-id of failing calls (the SDK's error and debug"
                + " log show it as request_id), or the X-Client-Request-Id you send");
        assertThat(labels.get(1).detail()).isEqualTo("add when the calls failed (a time range), with its time zone");
        assertThat(labels.get(2).detail()).isEqualTo("add the organization ID (org-..., in the platform's organization"
                + " settings) and the project ID (proj_...) if the key belongs to a project");
        assertThat(labels.get(3).detail()).isEqualTo("add the model, the endpoint and the SDK with its version");
        assertThat(labels.get(4).detail()).isEqualTo("add the status code (or the error, for a call that got no answer)"
                + " and roughly what share of calls fail");
        assertThat(labels.get(5).detail()).isEqualTo("add the SDK's debug log of a failing call (OPENAI_LOG=debug), a"
                + " curl -v transcript of one, or the Batch job's error file");
    }

    @Test
    void anApiReportWithWhatSupportNeedsIsReady() {
        Ticket t = ticket(Product.OPENAI_API);
        t.setSeenStatus(503);
        t.setOccurredAt(LocalDateTime.of(2026, 1, 7, 15, 23));
        t.setTimeZone("Europe/Istanbul");
        t.getApi().setOrgId("org-abc");
        t.getApi().setProjectId("proj_x");
        t.getApi().setModel("gpt-5");
        t.getApi().setEndpoint("/v1/responses");
        t.getApi().setSdk("openai-python 1.54.0");
        t.getApi().setCallMode(ApiCallMode.STREAMING);
        t.getApi().setServiceTier("standard");
        t.getApi().setFailingPercent(30);
        t.getApi().setRequestIds("req_given_1\nreq_given_2");
        List<ReadinessLabels.Label> labels = ReadinessLabels.of(t, new ReadinessLabels.Found(0, false, List.of(), true,
                false, List.of("req_found", "req_more"), null, List.of("openai.log"), null));
        assertThat(labels).extracting(ReadinessLabels.Label::present).containsOnly(true);
        assertThat(labels.get(0).detail()).isEqualTo("request IDs req_given_1, req_given_2, req_found and 1 more");
        assertThat(labels.get(1).detail()).isEqualTo("time given: 2026-01-07 15:23 Europe/Istanbul");
        assertThat(labels.get(2).detail()).isEqualTo("organization org-abc, project proj_x");
        assertThat(labels.get(3).detail()).isEqualTo("model gpt-5, endpoint /v1/responses, SDK openai-python 1.54.0,"
                + " streaming, standard tier");
        // values support copies are literal (code in the Markdown note)
        assertThat(labels.get(3).phrase().parts()).filteredOn(Phrase.Part::literal).extracting(Phrase.Part::text)
                .containsExactly("gpt-5", "/v1/responses", "openai-python 1.54.0");
        assertThat(labels.get(4).detail()).isEqualTo("HTTP 503; about 30% of calls failing");
        assertThat(labels.get(5).detail()).isEqualTo("openai.log attached");
    }

    @Test
    void anApiReportsAttachmentsFillWhatTheAnswersLeaveOpen() {
        Ticket t = ticket(Product.OPENAI_API);
        t.setOccurredAt(LocalDateTime.of(2026, 1, 7, 15, 23)); // no time zone
        t.getApi().setModel("gpt-5");
        t.getApi().setSdk("openai-node 4.77.0");
        t.getApi().setOrgId("org-abc");
        List<ReadinessLabels.Label> labels = ReadinessLabels.of(t, new ReadinessLabels.Found(0, false, List.of(), true,
                true, List.of("req_found"), null, List.of("errors.jsonl"), "POST /v1/chat/completions"));
        assertThat(labels.get(0).present()).isTrue();
        assertThat(labels.get(1).present()).isTrue();
        assertThat(labels.get(1).detail()).isEqualTo("times of the failing calls in the attachments; the time given has"
                + " no time zone");
        assertThat(labels.get(2).detail()).isEqualTo("organization org-abc; add the project ID (proj_...) if the key"
                + " belongs to a project");
        assertThat(labels.get(3).present()).isTrue();
        assertThat(labels.get(3).detail()).isEqualTo("model gpt-5, endpoint (from the attachments) POST"
                + " /v1/chat/completions, SDK openai-node 4.77.0");
        assertThat(labels.get(4).present()).isFalse();
        assertThat(labels.get(4).detail()).isEqualTo("add roughly what share of calls fail; given: status codes in the"
                + " attachments");
        assertThat(labels.get(5).present()).isTrue();

        // a time without its zone, and nothing timed attached: the zone is what is missing
        ReadinessLabels.Label time = ReadinessLabels.of(t, NOTHING).get(1);
        assertThat(time.present()).isFalse();
        assertThat(time.detail()).isEqualTo("add the time zone of the time given (2026-01-07 15:23), or give it in UTC");
    }

    @Test
    void anApiReportsCaptureOfAnotherSiteIsNoClientLog() {
        Ticket t = ticket(Product.OPENAI_API);
        ReadinessLabels.Label logs = ReadinessLabels.of(t, new ReadinessLabels.Found(1, false, List.of("app.har"), true,
                true, List.of(), null)).get(5);
        assertThat(logs.present()).isFalse();
        assertThat(logs.detail()).startsWith("the HAR app.har holds no request to ChatGPT or the OpenAI API")
                .endsWith("attach the SDK's debug log of a failing call (OPENAI_LOG=debug), a curl -v transcript of"
                        + " one, or the Batch job's error file (or a HAR of the calls to api.openai.com if a browser"
                        + " made them)");
        ReadinessLabels.Label ofCalls = ReadinessLabels.of(t, new ReadinessLabels.Found(1, false, List.of(), true,
                true, List.of(), null)).get(5);
        assertThat(ofCalls.present()).isTrue();
        assertThat(ofCalls.detail()).isEqualTo("HAR of the calls attached");
    }

    private static Ticket ticket(Product product) {
        Ticket t = new Ticket("hash", Instant.parse("2026-01-07T12:00:00Z"));
        t.setProduct(product);
        return t;
    }
}
