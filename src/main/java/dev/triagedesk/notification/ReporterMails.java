package dev.triagedesk.notification;

import dev.triagedesk.conversation.ConversationService;
import dev.triagedesk.conversation.PublicReplyPosted;
import dev.triagedesk.conversation.RequestedItem;
import dev.triagedesk.conversation.TicketMessage;
import dev.triagedesk.report.web.ReportLinks;
import dev.triagedesk.ticket.Ticket;
import dev.triagedesk.ticket.TicketRepository;
import dev.triagedesk.ticket.TicketStatus;
import dev.triagedesk.ticket.TicketStatusChanged;
import dev.triagedesk.ticket.TicketSubmitted;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What the reporter (when they gave an address) is told by mail: the confirmation with their reference and private
 * link, each public reply, and the status becoming "waiting on reporter" (with what is missing), resolved or
 * closed. Queued in the transaction of what happened. Only the confirmation carries the private link: the link's
 * token is never stored, so later mails point to the confirmation (and to the service's address).
 */
@Component
class ReporterMails {

    static final String CONFIRMATION = "reporter.confirmation";
    static final String REPLY = "reporter.reply";
    static final String STATUS = "reporter.status";

    private final Outbox outbox;
    private final TicketRepository tickets;
    private final ConversationService conversations;
    private final ReportLinks links;
    private final String publicUrl;

    ReporterMails(Outbox outbox, TicketRepository tickets, ConversationService conversations, ReportLinks links,
                  @Value("${triage.public-url:}") String publicUrl) {
        this.outbox = outbox;
        this.tickets = tickets;
        this.conversations = conversations;
        this.links = links;
        this.publicUrl = publicUrl == null || publicUrl.isBlank() ? null : publicUrl.strip().replaceAll("/+$", "");
    }

    @EventListener
    void submitted(TicketSubmitted submitted) {
        if (!outbox.mailOn()) {
            return;
        }
        Ticket t = tickets.findById(submitted.ticketId()).orElseThrow();
        String link = link(submitted.reporterToken());
        MailTexts.Builder mail = new MailTexts.Builder("Your report " + t.getReference() + " was received")
                .paragraph(greeting(t))
                .paragraph("Support received your report. Its reference is " + t.getReference() + ".");
        if (link != null) {
            mail.paragraph("Your private link opens the report: you can follow it there, answer support and add"
                            + " evidence. Keep it to yourself: anyone with the link can see the report.")
                    .link("Open your report", link);
        }
        outbox.mail(CONFIRMATION, t.getId(), t.getReporterEmail(), mail.build(), link != null);
    }

    @EventListener
    void replied(PublicReplyPosted posted) {
        if (!outbox.mailOn()) {
            return;
        }
        Ticket t = tickets.findById(posted.ticketId()).orElseThrow();
        TicketMessage m = conversations.message(posted.messageId());
        MailTexts.Builder mail = new MailTexts.Builder("Support replied to your report " + t.getReference())
                .paragraph(greeting(t))
                .quote(m.getAuthorName() + " (support)", m.getBody());
        outbox.mail(REPLY, t.getId(), t.getReporterEmail(), answerHow(mail).build(), false);
    }

    @EventListener
    void statusChanged(TicketStatusChanged changed) {
        if (!outbox.mailOn() || !(changed.to() == TicketStatus.WAITING_ON_REPORTER
                || changed.to() == TicketStatus.RESOLVED || changed.to() == TicketStatus.CLOSED)) {
            return;
        }
        Ticket t = tickets.findById(changed.ticketId()).orElseThrow();
        MailTexts.Builder mail = new MailTexts.Builder(switch (changed.to()) {
            case WAITING_ON_REPORTER -> "Support needs something from you for " + t.getReference();
            case RESOLVED -> "Your report " + t.getReference() + " is resolved";
            default -> "Your report " + t.getReference() + " is closed";
        }).paragraph(greeting(t));
        if (changed.to() == TicketStatus.WAITING_ON_REPORTER) {
            List<String> open = conversations.requested(t.getId()).stream().filter(i -> !i.isDone())
                    .map(RequestedItem::getLabel).toList();
            mail.paragraph("Support is waiting for you on " + t.getReference() + (open.isEmpty() ? "."
                    : ". They need:"));
            if (!open.isEmpty()) {
                mail.list(open);
            }
            answerHow(mail);
        } else {
            mail.paragraph("Support marked your report " + t.getReference() + " as "
                    + changed.to().label().toLowerCase(java.util.Locale.ROOT) + ". If the problem comes back, answer"
                    + " on your report's page.");
        }
        outbox.mail(STATUS, t.getId(), t.getReporterEmail(), mail.build(), false);
    }

    private MailTexts.Builder answerHow(MailTexts.Builder mail) {
        mail.paragraph("Answer and add evidence on your report's page: open it with the private link from the"
                + " confirmation we sent when you reported the problem.");
        return publicUrl == null ? mail : mail.link("Triage Desk", publicUrl);
    }

    private static String greeting(Ticket t) {
        String name = t.getReporterName();
        return name == null || name.isBlank() ? "Hello," : "Hello " + name.strip() + ",";
    }

    /** The private link, from the public address (or, without one, the request being served); null if neither. */
    private String link(String token) {
        if (token == null) {
            return null;
        }
        try {
            return links.reporterUrl(token);
        } catch (IllegalStateException e) {
            return null; // no public address configured and no request to take one from
        }
    }
}
