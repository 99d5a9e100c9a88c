package dev.triagedesk.conversation;

import dev.triagedesk.statuspage.OfficialIncidents;
import dev.triagedesk.summary.ReadinessLabels;
import dev.triagedesk.summary.ReportVerdict;
import dev.triagedesk.ticket.TicketDetails;
import java.util.ArrayList;
import java.util.List;

/**
 * What an agent is offered to ask for when a ticket waits on the reporter: each readiness label the report misses
 * (the four of a web report, or an API report's own), in words a reporter understands, and the verdict's next step.
 */
public final class MissingItems {

    /** One thing to ask for, and what fills it. */
    public record Suggestion(RequestedItem.Kind kind, String label) {
    }

    static final String PRIVATE_WINDOW = "Test in a private window (or with extensions off) and tell us whether it"
            + " still fails";
    static final String OTHER_NETWORK = "Try another network (a phone hotspot) or with the VPN off, and tell us"
            + " whether it still fails";
    static final String HAR = "Capture a HAR with the failing request (browser developer tools, Network tab)";
    static final String CONSOLE = "Save the browser console log from the moment it fails";
    static final String IDENTIFIER = "Send the request ID (x-request-id) or the conversation URL";
    static final String API_REQUEST_IDS = "Send the request ID (x-request-id) of a failing call: the SDK's error and"
            + " its debug log show it as request_id";
    static final String API_TIME = "Tell us when the calls failed (a time range), with your time zone";
    static final String API_ORG = "Tell us your organization ID (org-...) and, if the key belongs to a project, the"
            + " project ID (proj_...)";
    static final String API_CALL = "Tell us the model, the endpoint and the SDK with its version (for example"
            + " openai-python 1.54.0)";
    static final String API_SCOPE = "Tell us the status code and roughly what share of calls fail";
    static final String API_LOGS = "Send the SDK's debug log of a failing call (OPENAI_LOG=debug), a curl -v transcript"
            + " of one, or the Batch job's error file";

    private MissingItems() {
    }

    /**
     * What to ask for. {@code official}: the vendor's official incident that covered the ticket's failure time (null
     * when none did), which the caller knows: the verdict's next step counts it as the ticket page's verdict does,
     * so an outage the status page confirmed is not answered with "try another network".
     */
    public static List<Suggestion> suggest(TicketDetails details, OfficialIncidents.Coverage official) {
        List<Suggestion> out = new ArrayList<>();
        for (ReadinessLabels.Label label : ReadinessLabels.of(details)) {
            if (label.present()) {
                continue;
            }
            switch (label.name()) {
                case ReadinessLabels.OTHER_NETWORK -> out.add(new Suggestion(RequestedItem.Kind.ANSWER, OTHER_NETWORK));
                case ReadinessLabels.CLEAN_PROFILE -> out.add(new Suggestion(RequestedItem.Kind.ANSWER, PRIVATE_WINDOW));
                case ReadinessLabels.LOGS -> {
                    out.add(new Suggestion(RequestedItem.Kind.HAR, HAR));
                    out.add(new Suggestion(RequestedItem.Kind.CONSOLE, CONSOLE));
                }
                case ReadinessLabels.IDENTIFIER -> out.add(new Suggestion(RequestedItem.Kind.IDENTIFIER, IDENTIFIER));
                case ReadinessLabels.API_REQUEST_IDS ->
                        out.add(new Suggestion(RequestedItem.Kind.IDENTIFIER, API_REQUEST_IDS));
                case ReadinessLabels.API_TIME -> out.add(new Suggestion(RequestedItem.Kind.ANSWER, API_TIME));
                case ReadinessLabels.API_ORG -> out.add(new Suggestion(RequestedItem.Kind.ANSWER, API_ORG));
                case ReadinessLabels.API_CALL -> out.add(new Suggestion(RequestedItem.Kind.ANSWER, API_CALL));
                case ReadinessLabels.API_SCOPE -> out.add(new Suggestion(RequestedItem.Kind.ANSWER, API_SCOPE));
                case ReadinessLabels.API_LOGS -> out.add(new Suggestion(RequestedItem.Kind.CONSOLE, API_LOGS));
                default -> out.add(new Suggestion(RequestedItem.Kind.ANSWER, label.name()));
            }
        }
        String next = ReportVerdict.decide(details, official).nextStep();
        if (next != null && !next.isBlank() && out.stream().noneMatch(s -> s.label().equals(next))) {
            out.add(new Suggestion(RequestedItem.Kind.ANSWER, next.strip()));
        }
        return out;
    }
}
