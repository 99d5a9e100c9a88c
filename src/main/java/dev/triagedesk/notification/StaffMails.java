package dev.triagedesk.notification;

import dev.triagedesk.conversation.ReporterReplied;
import dev.triagedesk.incident.IncidentOpened;
import dev.triagedesk.staff.StaffUser;
import dev.triagedesk.staff.StaffUserRepository;
import dev.triagedesk.ticket.Ticket;
import dev.triagedesk.ticket.TicketRepository;
import dev.triagedesk.ticket.TicketSubmitted;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What staff hear about by mail, each as chosen on their Account page: a new ticket, a reporter's answer on a
 * ticket assigned to them, and an incident opened. The mail names the ticket and links to it; what the reporter wrote stays in the desk.
 */
@Component
class StaffMails {

    static final String NEW_TICKET = "staff.new_ticket";
    static final String REPORTER_REPLIED = "staff.reporter_replied";
    static final String INCIDENT_OPENED = "staff.incident_opened";

    private final Outbox outbox;
    private final TicketRepository tickets;
    private final StaffUserRepository users;
    private final StaffMailPreferenceRepository preferences;
    private final String publicUrl;

    StaffMails(Outbox outbox, TicketRepository tickets, StaffUserRepository users,
               StaffMailPreferenceRepository preferences, @Value("${triage.public-url:}") String publicUrl) {
        this.outbox = outbox;
        this.tickets = tickets;
        this.users = users;
        this.preferences = preferences;
        this.publicUrl = publicUrl == null || publicUrl.isBlank() ? "" : publicUrl.strip().replaceAll("/+$", "");
    }

    @EventListener
    void submitted(TicketSubmitted submitted) {
        if (!outbox.mailOn()) {
            return;
        }
        Ticket t = tickets.findById(submitted.ticketId()).orElseThrow();
        for (StaffMailPreference p : preferences.findByNewTicketTrueAndEmailIsNotNull()) {
            if (users.findById(p.getStaffId()).filter(StaffUser::isEnabled).isPresent()) {
                outbox.mail(NEW_TICKET, t.getId(), p.getEmail(), new MailTexts.Builder("New ticket " + t.getReference())
                        .paragraph("A new report came in: " + t.getReference() + ".")
                        .link("Open " + t.getReference(), ticketUrl(t)).build(), false);
            }
        }
    }

    @EventListener
    void reporterReplied(ReporterReplied replied) {
        if (!outbox.mailOn()) {
            return;
        }
        Ticket t = tickets.findById(replied.ticketId()).orElseThrow();
        StaffUser assignee = t.getAssignee();
        if (assignee == null || !assignee.isEnabled()) {
            return;
        }
        Optional<StaffMailPreference> p = preferences.findById(assignee.getId())
                .filter(x -> x.isReporterReply() && x.getEmail() != null);
        p.ifPresent(pref -> outbox.mail(REPORTER_REPLIED, t.getId(), pref.getEmail(),
                new MailTexts.Builder("The reporter answered on " + t.getReference())
                        .paragraph("The reporter of " + t.getReference() + ", assigned to you, answered.")
                        .link("Open " + t.getReference(), ticketUrl(t)).build(), false));
    }

    @EventListener
    void incidentOpened(IncidentOpened opened) {
        if (!outbox.mailOn()) {
            return;
        }
        for (StaffMailPreference p : preferences.findByIncidentOpenedTrueAndEmailIsNotNull()) {
            if (users.findById(p.getStaffId()).filter(StaffUser::isEnabled).isPresent()) {
                // the title is made from the fingerprint (status, host, endpoint), not from what a reporter wrote
                outbox.mail(INCIDENT_OPENED, opened.ticketId(), p.getEmail(),
                        new MailTexts.Builder("Incident opened: " + opened.reference())
                                .paragraph("Reports of one problem opened incident " + opened.reference() + ": "
                                        + opened.title() + ".")
                                .link("Open " + opened.reference(), publicUrl + "/desk/incidents/"
                                        + opened.reference()).build(), false);
            }
        }
    }

    private String ticketUrl(Ticket t) {
        return publicUrl + "/desk/tickets/" + t.getReference();
    }
}
