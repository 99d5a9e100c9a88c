package dev.triagedesk.summary;

import dev.triagedesk.ticket.EvidenceKind;
import dev.triagedesk.ticket.RequestIdentifier;
import dev.triagedesk.ticket.Ticket;
import dev.triagedesk.ticket.TicketDetails;
import dev.triagedesk.ticket.WebChecks;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The four labels a support-ready report carries (support playbook, section 4), each present or missing with
 * what to add.
 */
public final class ReadinessLabels {

    public static final String OTHER_NETWORK = "Reproduced on another network";
    public static final String CLEAN_PROFILE = "Incognito / clean profile tested";
    public static final String LOGS = "HAR + console logs";
    public static final String IDENTIFIER = "Conversation URL or request ID";

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

    private ReadinessLabels() {
    }

    public static List<Label> of(TicketDetails d) {
        Ticket t = d.ticket();
        boolean api = t.getProduct() != null && t.getProduct().isApi();
        WebChecks c = t.getChecks();
        List<Label> labels = new ArrayList<>();
        if (api) {
            labels.add(new Label(OTHER_NETWORK, true, "not needed for API calls: the request IDs identify them"));
            labels.add(new Label(CLEAN_PROFILE, true, "not needed for API calls"));
        } else {
            boolean network = c.getOtherNetwork().tried() || c.getVpnOff().tried();
            labels.add(new Label(OTHER_NETWORK, network, network
                    ? "another network (hotspot): " + c.getOtherNetwork().label() + "; VPN off: " + c.getVpnOff().label()
                    : "try a phone hotspot with the VPN off, and say whether it still fails"));
            boolean clean = c.getPrivateWindow().tried() || c.getClearedSiteData().tried();
            labels.add(new Label(CLEAN_PROFILE, clean, clean
                    ? "private window: " + c.getPrivateWindow().label() + "; cleared site data: " + c.getClearedSiteData().label()
                    : "open a private (incognito) window, sign in and try again"));
        }
        boolean har = d.has(EvidenceKind.HAR);
        boolean console = d.has(EvidenceKind.CONSOLE);
        String logs;
        if (har && console) {
            logs = "HAR and console log attached";
        } else if (har) {
            logs = "HAR attached; add a console log (DevTools > Console > right-click > Save as...)";
        } else if (console) {
            logs = "console log attached; add a HAR (DevTools > Network > Export HAR)";
        } else if (api) {
            logs = "add a HAR of the failing calls if a browser made them, or the request log of your client";
        } else {
            logs = "add a HAR (DevTools > Network > Export HAR) and a console log (Console > right-click > Save as...)";
        }
        labels.add(new Label(LOGS, har && console, logs));
        Set<String> ids = new LinkedHashSet<>();
        String conversation = null;
        for (RequestIdentifier id : d.identifiers()) {
            if (RequestIdentifier.CONVERSATION.equals(id.getName())) {
                conversation = conversation == null ? id.getValue() : conversation;
            } else if (ids.size() < 3) {
                ids.add(id.getValue());
            }
        }
        if (t.getConversationUrl() != null) {
            conversation = t.getConversationUrl();
        }
        boolean identified = conversation != null || !ids.isEmpty();
        Phrase detail;
        if (!identified) {
            detail = Phrase.of(api ? "add the x-request-id (response) or X-Client-Request-Id values of failing calls"
                    : "copy the conversation URL from the address bar, or attach a HAR that holds request IDs");
        } else {
            List<Phrase> parts = new ArrayList<>();
            if (conversation != null) {
                parts.add(Phrase.of("conversation ").thenLiteral(conversation));
            }
            if (!ids.isEmpty()) {
                parts.add(Phrase.of("request IDs ").then(Phrase.join(", ", ids.stream().map(Phrase::literal).toList())));
            }
            detail = Phrase.join("; ", parts);
        }
        labels.add(new Label(IDENTIFIER, identified, detail));
        return List.copyOf(labels);
    }
}
