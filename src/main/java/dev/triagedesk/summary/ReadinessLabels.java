package dev.triagedesk.summary;

import dev.triagedesk.evidence.redact.Redactor;
import dev.triagedesk.evidence.triage.Hosts;
import dev.triagedesk.ticket.ApiContext;
import dev.triagedesk.ticket.Evidence;
import dev.triagedesk.ticket.EvidenceKind;
import dev.triagedesk.ticket.RequestIdentifier;
import dev.triagedesk.ticket.Ticket;
import dev.triagedesk.ticket.TicketDetails;
import dev.triagedesk.ticket.WebChecks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The four labels a support-ready report carries (support playbook, section 4), each present or missing with what
 * to add. A web or app report carries the playbook's four; an API report carries what support needs for API calls
 * instead (section 4, API cases), so that a check that does not apply to an API call is never shown as done.
 */
public final class ReadinessLabels {

    public static final String OTHER_NETWORK = "Reproduced on another network";
    public static final String CLEAN_PROFILE = "Incognito / clean profile tested";
    public static final String LOGS = "HAR + console logs";
    public static final String IDENTIFIER = "Conversation URL or request ID";

    /** An API report's labels: what the vendor's support asks for to find API calls (playbook, section 4). */
    public static final String API_REQUEST_IDS = "Request IDs";
    public static final String API_TIME = "Time with time zone";
    public static final String API_ORG = "Org / project";
    public static final String API_CALL = "Model, endpoint and SDK";
    public static final String API_SCOPE = "Status code and failing share";
    public static final String API_LOGS = "SDK log, curl transcript or Batch file";

    private static final int IDS_SHOWN = 3;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    /**
     * One label: whether the report has it, and what it has or what to add ({@code phrase}, where the conversation
     * URL and request IDs are literal values).
     */
    public record Label(String name, boolean present, Phrase phrase) {

        Label(String name, boolean present, String detail) {
            this(name, present, Phrase.of(detail));
        }

        /** The detail as the pages and the plain-text note say it. */
        public String detail() {
            return phrase.plain();
        }
    }

    /**
     * What the attachments hold, as far as the labels go.
     *
     * @param hars analyzed HARs
     * @param console an analyzed console log
     * @param otherSites analyzed HARs with requests, none to ChatGPT or the OpenAI API
     * @param failing a failing request or console error was found
     * @param timed a HAR says when its requests ran, or a failing call's time is known with its offset
     * @param requestIds request IDs found (conversation IDs apart), in order
     * @param conversation the first conversation URL found, or null
     * @param clientLogs analyzed SDK logs, transcripts and Batch files, by name
     * @param apiCall the first failing API call found, as "POST /v1/chat/completions", or null
     */
    record Found(int hars, boolean console, List<String> otherSites, boolean failing, boolean timed,
                 List<String> requestIds, String conversation, List<String> clientLogs, String apiCall) {

        Found(int hars, boolean console, List<String> otherSites, boolean failing, boolean timed,
              List<String> requestIds, String conversation) {
            this(hars, console, otherSites, failing, timed, requestIds, conversation, List.of(), null);
        }

        boolean har() {
            return hars > 0;
        }

        /** Every HAR attached shows another site. */
        boolean onlyOtherSites() {
            return hars > 0 && otherSites.size() == hars;
        }
    }

    private ReadinessLabels() {
    }

    public static List<Label> of(TicketDetails d) {
        List<Evidence> hars = d.analyzed().stream().filter(e -> e.getKind() == EvidenceKind.HAR).toList();
        List<String> otherSites = hars.stream()
                .filter(e -> e.getEntryCount() > 0 && e.getProductRequests() != null && e.getProductRequests() == 0)
                .map(Evidence::getFileName).toList();
        Set<String> ids = new LinkedHashSet<>();
        String conversation = null;
        for (RequestIdentifier id : d.identifiers()) {
            if (RequestIdentifier.CONVERSATION.equals(id.getName())) {
                conversation = conversation == null ? id.getValue() : conversation;
            } else {
                ids.add(id.getValue());
            }
        }
        boolean timed = hars.stream().anyMatch(e -> e.getFirstStartedAt() != null)
                || d.failures().stream().anyMatch(f -> ApiCalls.instant(f.getStartedAt()) != null);
        List<String> clientLogs = d.analyzed().stream().filter(ApiCalls::isClientLog).map(Evidence::getFileName).toList();
        String apiCall = d.failures().stream().filter(ApiCalls::isApiCall).findFirst().map(ApiCalls::call).orElse(null);
        return of(d.ticket(), new Found(hars.size(), d.has(EvidenceKind.CONSOLE), otherSites,
                !d.failures().isEmpty() || !d.consoleFindings().isEmpty(), timed, List.copyOf(ids), conversation,
                clientLogs, apiCall));
    }

    /** The labels of a ticket's answers and what its attachments hold. */
    static List<Label> of(Ticket t, Found found) {
        return t.getProduct() != null && t.getProduct().isApi() ? api(t, found) : web(t, found);
    }

    private static List<Label> web(Ticket t, Found found) {
        boolean onlyOtherSites = found.onlyOtherSites();
        WebChecks c = t.getChecks();
        List<Label> labels = new ArrayList<>();
        boolean network = c.getOtherNetwork().tried() || c.getVpnOff().tried();
        labels.add(new Label(OTHER_NETWORK, network, network
                ? "another network (hotspot): " + c.getOtherNetwork().label() + "; VPN off: " + c.getVpnOff().label()
                : "try a phone hotspot with the VPN off, and say whether it still fails"));
        boolean clean = c.getPrivateWindow().tried() || c.getClearedSiteData().tried();
        labels.add(new Label(CLEAN_PROFILE, clean, clean
                ? "private window: " + c.getPrivateWindow().label() + "; cleared site data: " + c.getClearedSiteData().label()
                : "open a private (incognito) window, sign in and try again"));
        boolean har = found.har();
        boolean console = found.console();
        String logs;
        if (onlyOtherSites) {
            logs = otherSites(found) + ": capture a HAR on the failing page itself (DevTools > Network > Export HAR)"
                    + (console ? "; console log attached" : ", and its console log (Console > right-click > Save as...)");
        } else if (har && console) {
            logs = "HAR and console log attached";
        } else if (har) {
            logs = "HAR attached; add a console log (DevTools > Console > right-click > Save as...)";
        } else if (console) {
            logs = "console log attached; add a HAR (DevTools > Network > Export HAR)";
        } else {
            logs = "add a HAR (DevTools > Network > Export HAR) and a console log (Console > right-click > Save as...)";
        }
        labels.add(new Label(LOGS, har && console && !onlyOtherSites, logs));
        String conversation = t.getConversationUrl() != null ? t.getConversationUrl() : found.conversation();
        List<String> ids = found.requestIds().stream().limit(IDS_SHOWN).toList();
        boolean identified = conversation != null || !ids.isEmpty();
        Phrase detail;
        if (!identified) {
            detail = Phrase.of("copy the conversation URL from the address bar, or attach a HAR that holds request IDs");
        } else {
            List<Phrase> parts = new ArrayList<>();
            if (conversation != null) {
                parts.add(Phrase.of("conversation ").thenLiteral(conversation));
            }
            if (!ids.isEmpty()) {
                parts.add(ids(ids));
            }
            detail = Phrase.join("; ", parts);
        }
        labels.add(new Label(IDENTIFIER, identified, detail));
        return List.copyOf(labels);
    }

    /**
     * What support needs for API calls (playbook, section 4, API cases): the request IDs first, the time with its
     * zone, the organization and project, the model, endpoint and client, the status and failing share, and the
     * client's own record of the calls. A conversation URL identifies no API call, and no browser check applies.
     */
    private static List<Label> api(Ticket t, Found found) {
        ApiContext a = t.getApi();
        List<Label> labels = new ArrayList<>();

        Set<String> ids = new LinkedHashSet<>();
        if (a.getRequestIds() != null) {
            // a secret typed among them was redacted: its marker is no request ID
            Arrays.stream(a.getRequestIds().trim().split("[\\s,;]+"))
                    .filter(id -> !id.isEmpty() && !id.contains(Redactor.MARKER_PREFIX)).forEach(ids::add);
        }
        ids.addAll(found.requestIds());
        List<String> shown = ids.stream().limit(IDS_SHOWN).toList();
        labels.add(new Label(API_REQUEST_IDS, !shown.isEmpty(), shown.isEmpty()
                ? Phrase.of("add the x-request-id of failing calls (the SDK's error and debug log show it as"
                + " request_id), or the X-Client-Request-Id you send")
                : ids(shown).then(ids.size() > IDS_SHOWN ? Phrase.of(" and " + (ids.size() - IDS_SHOWN) + " more")
                : Phrase.of(""))));

        boolean given = t.getOccurredAt() != null && t.getTimeZone() != null;
        String time;
        if (given) {
            time = "time given: " + WHEN.format(t.getOccurredAt()) + " " + t.getTimeZone();
        } else if (found.timed()) {
            time = "times of the failing calls in the attachments" + (t.getOccurredAt() != null
                    ? "; the time given has no time zone" : "");
        } else if (t.getOccurredAt() != null) {
            time = "add the time zone of the time given (" + WHEN.format(t.getOccurredAt()) + "), or give it in UTC";
        } else {
            time = "add when the calls failed (a time range), with its time zone";
        }
        labels.add(new Label(API_TIME, given || found.timed(), time));

        Phrase org;
        if (a.getOrgId() == null) {
            org = a.getProjectId() == null
                    ? Phrase.of("add the organization ID (org-..., in the platform's organization settings) and the"
                    + " project ID (proj_...) if the key belongs to a project")
                    : Phrase.of("add the organization ID (org-..., in the platform's organization settings); given:"
                    + " project ").thenLiteral(a.getProjectId());
        } else {
            org = Phrase.of("organization ").thenLiteral(a.getOrgId()).then(a.getProjectId() == null
                    ? Phrase.of("; add the project ID (proj_...) if the key belongs to a project")
                    : Phrase.of(", project ").thenLiteral(a.getProjectId()));
        }
        labels.add(new Label(API_ORG, a.getOrgId() != null, org));

        List<Phrase> call = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        given(call, missing, "model ", a.getModel(), "the model");
        String endpoint = a.getEndpoint() != null ? a.getEndpoint() : found.apiCall();
        given(call, missing, a.getEndpoint() != null ? "endpoint " : "endpoint (from the attachments) ", endpoint,
                "the endpoint");
        given(call, missing, "SDK ", a.getSdk(), "the SDK with its version");
        if (a.getCallMode() != null) {
            call.add(Phrase.of(a.getCallMode().label()));
        }
        if (a.getServiceTier() != null) {
            call.add(Phrase.of(a.getServiceTier() + " tier"));
        }
        labels.add(new Label(API_CALL, missing.isEmpty(), missing.isEmpty() ? Phrase.join(", ", call)
                : Phrase.of("add " + and(missing)).then(call.isEmpty() ? Phrase.of("")
                : Phrase.of("; given: ").then(Phrase.join(", ", call)))));

        List<String> scope = new ArrayList<>();
        List<String> toAdd = new ArrayList<>();
        if (t.getSeenStatus() != null || found.failing()) {
            scope.add(t.getSeenStatus() != null ? "HTTP " + t.getSeenStatus() : "status codes in the attachments");
        } else {
            toAdd.add("the status code (or the error, for a call that got no answer)");
        }
        if (a.getFailingPercent() != null) {
            scope.add("about " + a.getFailingPercent() + "% of calls failing");
        } else {
            toAdd.add("roughly what share of calls fail");
        }
        labels.add(new Label(API_SCOPE, toAdd.isEmpty(), toAdd.isEmpty() ? String.join("; ", scope)
                : "add " + and(toAdd) + (scope.isEmpty() ? "" : "; given: " + String.join("; ", scope))));

        labels.add(clientLog(found));
        return List.copyOf(labels);
    }

    /** The client's own record of the calls: an SDK log, a curl transcript, a Batch file, or a HAR if a browser made them. */
    private static Label clientLog(Found found) {
        boolean harOfCalls = found.har() && !found.onlyOtherSites();
        List<String> parts = new ArrayList<>();
        if (!found.clientLogs().isEmpty()) {
            List<String> names = found.clientLogs();
            parts.add(String.join(", ", names.subList(0, Math.min(3, names.size())))
                    + (names.size() > 3 ? " and " + (names.size() - 3) + " more" : "") + " attached");
        }
        if (harOfCalls) {
            parts.add("HAR of the calls attached");
        }
        if (found.console()) {
            parts.add("client log attached");
        }
        if (!parts.isEmpty()) {
            return new Label(API_LOGS, true, String.join("; ", parts));
        }
        String capture = "the SDK's debug log of a failing call (OPENAI_LOG=debug), a curl -v transcript of one, or the"
                + " Batch job's error file";
        return new Label(API_LOGS, false, found.onlyOtherSites()
                ? otherSites(found) + ": attach " + capture + " (or a HAR of the calls to api.openai.com if a browser"
                + " made them)"
                : "add " + capture);
    }

    private static void given(List<Phrase> given, List<String> missing, String name, String value, String ifMissing) {
        if (value != null) {
            given.add(Phrase.of(name).thenLiteral(value));
        } else if (ifMissing != null) {
            missing.add(ifMissing);
        }
    }

    private static Phrase ids(List<String> ids) {
        return Phrase.of(ids.size() == 1 ? "request ID " : "request IDs ")
                .then(Phrase.join(", ", ids.stream().map(Phrase::literal).toList()));
    }

    private static String otherSites(Found found) {
        List<String> names = found.otherSites();
        return (names.size() == 1 ? "the HAR " + names.get(0) + " holds" : "the HARs " + String.join(", ", names) + " hold")
                + " no request to ChatGPT or the OpenAI API (" + Hosts.PRODUCT_HOST_NAMES + "): "
                + (names.size() == 1 ? "it shows" : "they show") + " another site";
    }

    /** "a, b and c". */
    private static String and(List<String> items) {
        return items.size() == 1 ? items.get(0)
                : String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
