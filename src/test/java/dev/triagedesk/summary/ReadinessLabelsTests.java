package dev.triagedesk.summary;

import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(labels).extracting(ReadinessLabels.Label::name).containsExactly(ReadinessLabels.API_CALL,
                ReadinessLabels.API_SCOPE, ReadinessLabels.API_LOGS, ReadinessLabels.API_IDENTIFIER)
                .doesNotContain(ReadinessLabels.OTHER_NETWORK, ReadinessLabels.CLEAN_PROFILE);
        assertThat(labels).extracting(ReadinessLabels.Label::present).containsOnly(false);
        assertThat(labels.get(0).detail()).isEqualTo("add the organization ID (org-...), the model and the endpoint");
        assertThat(labels.get(1).detail()).isEqualTo("add the status code, the time range with its time zone and"
                + " roughly what share of calls fail");
        assertThat(labels.get(2).detail()).startsWith("add the error body of a failing call and the client's log");
        assertThat(labels.get(3).detail()).isEqualTo("add the x-request-id (response) or X-Client-Request-Id values of"
                + " failing calls");
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
        t.getApi().setServiceTier("standard");
        t.getApi().setFailingPercent(30);
        t.getApi().setRequestIds("req_given_1\nreq_given_2");
        List<ReadinessLabels.Label> labels = ReadinessLabels.of(t, new ReadinessLabels.Found(0, true, List.of(), true,
                false, List.of("req_found"), null));
        assertThat(labels).extracting(ReadinessLabels.Label::present).containsOnly(true);
        assertThat(labels.get(0).detail()).isEqualTo("organization org-abc, project proj_x, model gpt-5, endpoint"
                + " /v1/responses, standard tier");
        // values support copies are literal (code in the Markdown note)
        assertThat(labels.get(0).phrase().parts()).filteredOn(Phrase.Part::literal).extracting(Phrase.Part::text)
                .containsExactly("org-abc", "proj_x", "gpt-5", "/v1/responses");
        assertThat(labels.get(1).detail()).isEqualTo("HTTP 503; time given (Europe/Istanbul); about 30% of calls failing");
        assertThat(labels.get(2).detail()).isEqualTo("client log attached");
        assertThat(labels.get(3).detail()).isEqualTo("request IDs req_given_1, req_given_2, req_found");
    }

    @Test
    void anApiReportsCaptureOfAnotherSiteIsNoErrorBody() {
        Ticket t = ticket(Product.OPENAI_API);
        ReadinessLabels.Label logs = ReadinessLabels.of(t, new ReadinessLabels.Found(1, false, List.of("app.har"), true,
                true, List.of(), null)).get(2);
        assertThat(logs.present()).isFalse();
        assertThat(logs.detail()).startsWith("the HAR app.har holds no request to ChatGPT or the OpenAI API")
                .endsWith("attach the client's log of the failing calls to api.openai.com, or a HAR of them if a browser"
                        + " made them");
        ReadinessLabels.Label ofCalls = ReadinessLabels.of(t, new ReadinessLabels.Found(1, false, List.of(), true,
                true, List.of(), null)).get(2);
        assertThat(ofCalls.present()).isTrue();
        assertThat(ofCalls.detail()).isEqualTo("HAR of the calls attached");
    }

    private static Ticket ticket(Product product) {
        Ticket t = new Ticket("hash", Instant.parse("2026-01-07T12:00:00Z"));
        t.setProduct(product);
        return t;
    }
}
