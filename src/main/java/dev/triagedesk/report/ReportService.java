package dev.triagedesk.report;

import dev.triagedesk.evidence.Verdict;
import dev.triagedesk.incident.FailureTime;
import dev.triagedesk.statuspage.OfficialIncidents;
import dev.triagedesk.summary.ReadinessLabels;
import dev.triagedesk.summary.ReportVerdict;
import dev.triagedesk.summary.SupportSummary;
import dev.triagedesk.ticket.Evidence;
import dev.triagedesk.ticket.Product;
import dev.triagedesk.ticket.ReportAnswers;
import dev.triagedesk.ticket.Ticket;
import dev.triagedesk.ticket.TicketDetails;
import dev.triagedesk.ticket.TicketService;
import dev.triagedesk.ticket.Upload;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessException;
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
 * A step that reads uploads waits for its turn first ({@link AnalysisTurns}).
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

    /**
     * A report made in one step: the ticket, the token of its reporter link, where it stands and its evidence;
     * {@code replayed} when an earlier request with the same idempotency key made it.
     */
    public record Created(Ticket ticket, String token, Review review, List<Evidence> evidence, boolean replayed) {
    }

    private final TicketService tickets;
    private final TransactionTemplate transaction;
    private final IdempotencyKeys keys;
    private final Clock clock;
    private final OfficialIncidents official;
    private final AnalysisTurns turns;

    public ReportService(TicketService tickets, PlatformTransactionManager transactions, IdempotencyKeys keys,
                         Clock clock, OfficialIncidents official, AnalysisTurns turns) {
        this.official = official;
        this.turns = turns;
        this.tickets = tickets;
        this.transaction = new TransactionTemplate(transactions);
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * Makes a submitted ticket from answers and uploads in one transaction (the API's report): a crash leaves either
     * no ticket or the whole one, never a draft holding evidence without a reference. Evidence files are written
     * in it too and go again when it rolls back. With an idempotency {@code key} (may be null), a request sent
     * again gets the ticket the first one made.
     *
     * @throws IdempotencyKeys.KeyReusedException the key was used with another request
     * @throws IdempotencyKeys.KeyInUseException the first request with the key is still running
     */
    public Created create(ReportAnswers answers, List<Upload> uploads, IdempotencyKeys.Key key) {
        if (key != null) {
            Optional<Created> earlier = earlier(key);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        return uploads.isEmpty() ? createTrying(answers, uploads, key)
                : turns.inTurn(() -> createTrying(answers, uploads, key));
    }

    private Created createTrying(ReportAnswers answers, List<Upload> uploads, IdempotencyKeys.Key key) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(s -> createNow(answers, uploads, key));
            } catch (KeyTaken e) {
                // committed meanwhile: its ticket; still running (H2 stopped waiting for its lock): retry later
                return earlier(key).orElseThrow(IdempotencyKeys.KeyInUseException::new);
            } catch (ConcurrencyFailureException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                log.info("A new report met a concurrent transaction ({}); making it again", e.getMessage());
            }
        }
    }

    private Created createNow(ReportAnswers answers, List<Upload> uploads, IdempotencyKeys.Key key) {
        if (key != null) {
            try {
                keys.claim(key, clock.instant());
            } catch (DataAccessException e) {
                throw new KeyTaken(e);
            }
        }
        TicketService.Draft draft = tickets.startDraft();
        long id = draft.ticket().getId();
        tickets.answer(id, answers);
        List<Evidence> rows = new ArrayList<>();
        for (Upload upload : uploads) {
            rows.addAll(tickets.addUpload(id, upload));
        }
        tickets.submit(id, draft.token());
        Review review = concludeNow(id);
        if (key != null) {
            keys.complete(key, id, draft.token());
        }
        return new Created(review.details().ticket(), draft.token(), review, rows, false);
    }

    /** The ticket an earlier request with this key made, if it committed. */
    private Optional<Created> earlier(IdempotencyKeys.Key key) {
        return transaction.execute(s -> keys.find(key).filter(stored -> {
            if (!stored.requestHash().equals(key.requestHash())) {
                throw new IdempotencyKeys.KeyReusedException();
            }
            return stored.ticketId() != null;
        }).map(stored -> {
            Review review = review(stored.ticketId());
            return new Created(review.details().ticket(), IdempotencyKeys.unseal(key.value(), stored.sealedToken()),
                    review, review.details().evidence(), true);
        }));
    }

    /** Another request holds (or has used) the idempotency key: nothing of this one is kept. */
    private static final class KeyTaken extends RuntimeException {
        KeyTaken(Throwable cause) {
            super(cause);
        }
    }

    public Review review(long ticketId) {
        return review(tickets.details(ticketId));
    }

    private Review review(TicketDetails details) {
        // the vendor's own incident for the product at the failure time counts as the reporter's answer would
        Instant failedAt = FailureTime.of(details);
        Product product = details.ticket().getProduct();
        Verdict verdict = ReportVerdict.decide(details, official.covering(product == null ? null : product.name(),
                failedAt, failedAt).orElse(null));
        List<ReadinessLabels.Label> labels = ReadinessLabels.of(details);
        return new Review(details, verdict, labels, SupportSummary.render(details, verdict, labels));
    }

    /**
     * Submits a draft (giving it a reference) and stores its verdict and summary, in one transaction as a report
     * sent through the API is made: a conclusion that failed (locks lost on every attempt, a crash) left a
     * submitted ticket without verdict, summary or incident when the two were committed one after the other.
     */
    public Review submit(long ticketId) {
        return submit(ticketId, null);
    }

    /** As {@link #submit(long)}, with the token of its private link, which the reporter's confirmation hands over. */
    public Review submit(long ticketId, String token) {
        return retrying(() -> transaction.execute(s -> {
            tickets.submit(ticketId, token);
            return concludeNow(ticketId);
        }));
    }

    /**
     * Adds an upload; for a submitted ticket the verdict and summary are brought up to date in the same transaction,
     * so the file and the summary that reads it are stored together or not at all: committed one after the other,
     * a conclusion that lost its locks kept the file under a summary that did not know it.
     */
    public List<Evidence> addUpload(long ticketId, Upload upload) {
        return turns.inTurn(() -> withConclusion(ticketId, () -> tickets.addUpload(ticketId, upload)));
    }

    public Evidence addPastedConsole(long ticketId, String text) {
        return turns.inTurn(() -> withConclusion(ticketId, () -> tickets.addPastedConsole(ticketId, text)));
    }

    /**
     * Sets the conversation URL, also of a submitted ticket (it is evidence, and the reporter page takes it later);
     * true when it changed.
     */
    public boolean setConversationUrl(long ticketId, String url) {
        return withConclusion(ticketId, () -> tickets.setConversationUrl(ticketId, url));
    }

    /**
     * Takes {@code step} and, for a submitted ticket, concludes again, in one transaction taken as a whole. A step
     * that answers {@code false} changed nothing and needs no conclusion.
     */
    private <T> T withConclusion(long ticketId, Supplier<T> step) {
        return retrying(() -> transaction.execute(s -> {
            T result = step.get();
            if (!Boolean.FALSE.equals(result) && !tickets.isDraft(ticketId)) {
                concludeNow(ticketId);
            }
            return result;
        }));
    }

    /**
     * Generates the verdict and summary of a submitted ticket again from the evidence it has now (after an erasure
     * removed some), in the caller's transaction when there is one.
     */
    public void concludeAgain(long ticketId) {
        refreshIfSubmitted(ticketId);
    }

    private void refreshIfSubmitted(long ticketId) {
        if (!tickets.isDraft(ticketId)) {
            conclude(ticketId);
        }
    }

    /** The verdict and summary of the ticket's facts as committed now, stored while no one else writes them. */
    Review conclude(long ticketId) {
        return retrying(() -> transaction.execute(s -> concludeNow(ticketId)));
    }

    private Review concludeNow(long ticketId) {
        tickets.lockForConclusion(ticketId);
        Review review = review(ticketId);
        tickets.conclude(ticketId, review.verdict().path(), String.join("\n", review.verdict().reasons()),
                review.summary().markdown(), review.summary().text());
        return review;
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
