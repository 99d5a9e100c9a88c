package dev.triagedesk.report;

import dev.triagedesk.evidence.Verdict;
import dev.triagedesk.summary.ReadinessLabels;
import dev.triagedesk.summary.ReportVerdict;
import dev.triagedesk.summary.SupportSummary;
import dev.triagedesk.ticket.Evidence;
import dev.triagedesk.ticket.Ticket;
import dev.triagedesk.ticket.TicketDetails;
import dev.triagedesk.ticket.TicketService;
import dev.triagedesk.ticket.Upload;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Service;

/**
 * What the form and the API do with a report: take evidence, show where it points (verdict, labels, summary
 * preview), and submit. A submitted ticket's verdict and summary are generated again whenever evidence is added.
 */
@Service
public class ReportService {

    /** Where a report stands: its facts, the verdict, the four labels and the summary they make. */
    public record Review(TicketDetails details, Verdict verdict, List<ReadinessLabels.Label> labels,
                         SupportSummary.Rendered summary) {
    }

    private final TicketService tickets;

    public ReportService(TicketService tickets) {
        this.tickets = tickets;
    }

    public Review review(long ticketId) {
        TicketDetails details = tickets.details(ticketId);
        Verdict verdict = ReportVerdict.decide(details);
        List<ReadinessLabels.Label> labels = ReadinessLabels.of(details);
        return new Review(details, verdict, labels, SupportSummary.render(details, verdict, labels));
    }

    /** Submits a draft (giving it a reference) and stores its verdict and summary. */
    public Review submit(long ticketId) {
        tickets.submit(ticketId);
        return conclude(ticketId);
    }

    /** Adds an upload; for a submitted ticket the verdict and summary are brought up to date. */
    public List<Evidence> addUpload(long ticketId, Upload upload) {
        List<Evidence> rows = tickets.addUpload(ticketId, upload);
        refreshIfSubmitted(ticketId);
        return rows;
    }

    public Evidence addPastedConsole(long ticketId, String text) {
        Evidence row = tickets.addPastedConsole(ticketId, text);
        refreshIfSubmitted(ticketId);
        return row;
    }

    /**
     * Sets the conversation URL, also of a submitted ticket (it is evidence, and the reporter page takes it later);
     * true when it changed.
     */
    public boolean setConversationUrl(long ticketId, String url) {
        String before = tickets.details(ticketId).ticket().getConversationUrl();
        Ticket t = tickets.update(ticketId, ticket -> ticket.setConversationUrl(url));
        if (Objects.equals(before, t.getConversationUrl())) {
            return false;
        }
        refreshIfSubmitted(ticketId);
        return true;
    }

    private void refreshIfSubmitted(long ticketId) {
        Ticket t = tickets.details(ticketId).ticket();
        if (!t.isDraft()) {
            conclude(ticketId);
        }
    }

    private Review conclude(long ticketId) {
        Review review = review(ticketId);
        tickets.conclude(ticketId, review.verdict().path(), String.join("\n", review.verdict().reasons()),
                review.summary().markdown(), review.summary().text());
        return review;
    }
}
