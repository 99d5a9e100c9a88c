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
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the form and the API do with a report: take evidence, show where it points (verdict, labels, summary
 * preview), and submit. A submitted ticket's verdict and summary are generated again whenever evidence is added.
 *
 * <p>Evidence added to a submitted ticket never conflicts with the staff's work on it (see
 * {@link TicketService#addUpload}); should the database still refuse a step for another transaction's sake (a lock
 * it waited too long for), that step is taken once more, as a whole, before the reporter is told anything failed.
 */
@Service
public class ReportService {

    private static final Logger log = LoggerFactory.getLogger(ReportService.class);
    /** Attempts of one step of the reporter's; a step that failed left nothing behind (files included). */
    private static final int ATTEMPTS = 2;

    /** Where a report stands: its facts, the verdict, the four labels and the summary they make. */
    public record Review(TicketDetails details, Verdict verdict, List<ReadinessLabels.Label> labels,
                         SupportSummary.Rendered summary) {
    }

    private final TicketService tickets;
    private final TransactionTemplate transaction;

    public ReportService(TicketService tickets, PlatformTransactionManager transactions) {
        this.tickets = tickets;
        this.transaction = new TransactionTemplate(transactions);
    }

    public Review review(long ticketId) {
        return review(tickets.details(ticketId));
    }

    private static Review review(TicketDetails details) {
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
        List<Evidence> rows = retrying(() -> tickets.addUpload(ticketId, upload));
        refreshIfSubmitted(ticketId);
        return rows;
    }

    public Evidence addPastedConsole(long ticketId, String text) {
        Evidence row = retrying(() -> tickets.addPastedConsole(ticketId, text));
        refreshIfSubmitted(ticketId);
        return row;
    }

    /**
     * Sets the conversation URL, also of a submitted ticket (it is evidence, and the reporter page takes it later);
     * true when it changed.
     */
    public boolean setConversationUrl(long ticketId, String url) {
        if (!retrying(() -> tickets.setConversationUrl(ticketId, url))) {
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

    /** The verdict and summary of the ticket's facts as committed now, stored while no one else writes them. */
    private Review conclude(long ticketId) {
        return retrying(() -> transaction.execute(s -> {
            tickets.lockForConclusion(ticketId);
            Review review = review(ticketId);
            tickets.conclude(ticketId, review.verdict().path(), String.join("\n", review.verdict().reasons()),
                    review.summary().markdown(), review.summary().text());
            return review;
        }));
    }

    private static <T> T retrying(Supplier<T> step) {
        for (int attempt = 1; ; attempt++) {
            try {
                return step.get();
            } catch (ConcurrencyFailureException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                log.info("A reporter's step met a concurrent transaction ({}); taking it again", e.getMessage());
            }
        }
    }
}
