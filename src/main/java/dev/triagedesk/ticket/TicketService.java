package dev.triagedesk.ticket;

import dev.triagedesk.audit.AuditAction;
import dev.triagedesk.audit.AuditLog;
import dev.triagedesk.evidence.EvidenceEngine;
import dev.triagedesk.evidence.TriagePath;
import dev.triagedesk.evidence.redact.Redactor;
import dev.triagedesk.storage.TemporaryFiles;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one place where tickets are created, changed and submitted. Reporter links carry a random token; only its
 * SHA-256 is stored, so a copy of the database does not open anyone's ticket.
 *
 * <p>Submitting and every addition of evidence to a submitted ticket go into its audit trail, in the transaction
 * that makes them, under {@link #REPORTER} (reporters have no account; their link is all that names them).
 */
@Service
public class TicketService {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** The actor of what a reporter does, in the audit trail. */
    public static final String REPORTER = "reporter";

    /** A new draft and the token of its private link (shown once, never stored). */
    public record Draft(Ticket ticket, String token) {
    }

    private final TicketRepository tickets;
    private final EvidenceRepository evidence;
    private final FailingRequestRepository failures;
    private final ConsoleFindingRepository consoleFindings;
    private final FindingSignalRepository signals;
    private final RequestIdentifierRepository identifiers;
    private final TicketWordRepository words;
    private final EvidenceIntake intake;
    private final EvidenceEngine engine;
    private final Clock clock;
    private final EntityManager entities;
    private final AuditLog audit;
    private final TemporaryFiles temporary;
    private final ApplicationEventPublisher events;

    TicketService(TicketRepository tickets, EvidenceRepository evidence, FailingRequestRepository failures,
                  ConsoleFindingRepository consoleFindings, FindingSignalRepository signals,
                  RequestIdentifierRepository identifiers, TicketWordRepository words, EvidenceIntake intake,
                  EvidenceEngine engine, Clock clock, EntityManager entities, AuditLog audit,
                  TemporaryFiles temporary, ApplicationEventPublisher events) {
        this.tickets = tickets;
        this.evidence = evidence;
        this.failures = failures;
        this.consoleFindings = consoleFindings;
        this.signals = signals;
        this.identifiers = identifiers;
        this.words = words;
        this.intake = intake;
        this.engine = engine;
        this.clock = clock;
        this.entities = entities;
        this.audit = audit;
        this.temporary = temporary;
        this.events = events;
    }

    @Transactional
    public Draft startDraft() {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Ticket ticket = tickets.save(new Ticket(hash(token), clock.instant()));
        return new Draft(ticket, token);
    }

    @Transactional(readOnly = true)
    public Optional<Ticket> byToken(String token) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            return Optional.empty();
        }
        return tickets.findByReporterTokenHash(hash(token));
    }

    @Transactional(readOnly = true)
    public Optional<Ticket> byReference(String reference) {
        return tickets.findByReference(reference);
    }

    /** A submitted ticket by its reference as a person types it (spaces, lower case); drafts are never found. */
    @Transactional(readOnly = true)
    public Optional<Ticket> submitted(String reference) {
        return tickets.findByReference(reference == null ? "" : reference.trim().toUpperCase(java.util.Locale.ROOT))
                .filter(t -> !t.isDraft());
    }

    /**
     * Everything about a submitted ticket, assignee included, without an audit line: the workspace records a view
     * and each export its own kind of access.
     */
    @Transactional(readOnly = true)
    public Optional<TicketDetails> submittedDetails(String reference) {
        return submitted(reference).map(t -> {
            TicketDetails d = details(t.getId());
            if (d.ticket().getAssignee() != null) {
                d.ticket().getAssignee().getUsername(); // loaded while the session is open
            }
            return d;
        });
    }

    /** Applies a change to the ticket's answers and keeps the identifiers the reporter typed in step with them. */
    @Transactional
    public Ticket update(long ticketId, Consumer<Ticket> change) {
        Ticket ticket = tickets.findById(ticketId).orElseThrow();
        String zoneBefore = ticket.getTimeZone();
        change.accept(ticket);
        redactFreeText(ticket);
        ticket.touch(clock.instant());
        syncReportedIdentifiers(ticket);
        if (!Objects.equals(zoneBefore, ticket.getTimeZone())) {
            // console times are read on the reporter's clock: a corrected zone can join lines to requests anew
            relink(ticket);
        }
        if (!ticket.isDraft()) {
            indexWords(ticket);
        }
        return ticket;
    }

    /** Sets every answer at once (the JSON API). */
    @Transactional
    public Ticket answer(long ticketId, ReportAnswers answers) {
        return update(ticketId, t -> Answers.apply(t, answers));
    }

    /**
     * Adds an uploaded file (its temporary copy is the caller's to delete). Like every addition of evidence it
     * leaves the ticket's version alone (see {@link #evidenceAdded}).
     */
    @Transactional
    public List<Evidence> addUpload(long ticketId, Upload upload) {
        Ticket ticket = tickets.findById(ticketId).orElseThrow();
        List<Evidence> rows = intake.take(ticket, upload);
        evidenceAdded(ticket, rows);
        return rows;
    }

    /** Adds console output pasted into the form. */
    @Transactional
    public Evidence addPastedConsole(long ticketId, String text) {
        Ticket ticket = tickets.findById(ticketId).orElseThrow();
        Path tmp = null;
        try {
            tmp = temporary.create("triage-pasted", ".log");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Evidence row = intake.takePastedConsole(ticket, tmp, Files.size(tmp));
            evidenceAdded(ticket, List.of(row));
            return row;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a temporary file
                }
            }
        }
    }

    /**
     * Sets the conversation URL the reporter gives, as typed (see {@link ConversationAddress}), also on a submitted
     * ticket (it is evidence, and the reporter page takes it later), without moving the ticket's version; true when
     * it changed. {@code url} null or blank clears it.
     */
    @Transactional
    public boolean setConversationUrl(long ticketId, String url) {
        Ticket ticket = tickets.findById(ticketId).orElseThrow();
        String typed = ConversationAddress.normalise(url);
        String stored = typed == null ? null : engine.redactor().url(typed);
        if (Objects.equals(stored, ticket.getConversationUrl())) {
            return false;
        }
        tickets.setConversationUrl(ticketId, stored, clock.instant());
        entities.refresh(ticket);
        syncReportedIdentifiers(ticket);
        if (!ticket.isDraft()) {
            audit.recordChange(ticketId, REPORTER, AuditAction.EVIDENCE_ADDED,
                    stored == null ? "conversation URL removed" : "conversation URL " + stored);
            if (stored != null) {
                events.publishEvent(new EvidenceAdded(ticketId, java.util.Set.of(), true));
            }
        }
        return true;
    }

    /**
     * What follows an addition of evidence, in its transaction: console lines are joined anew to the requests they
     * are about, the ticket's last change moves, and a submitted ticket's trail says what was added. Evidence rows
     * are entities of their own and the last change is written as a statement, so the ticket's version stays: an
     * agent's change made at the same moment (which rests on that version) and this addition both stand.
     */
    private void evidenceAdded(Ticket ticket, List<Evidence> rows) {
        relink(ticket);
        tickets.touch(ticket.getId(), clock.instant());
        entities.refresh(ticket);
        if (!ticket.isDraft() && !rows.isEmpty()) {
            // after the touch, which holds the ticket's row: two additions at once index one after the other
            indexWords(ticket);
            audit.recordChange(ticket.getId(), REPORTER, AuditAction.EVIDENCE_ADDED, rows.stream()
                    .map(e -> e.getFileName() + (e.isAnalyzed() ? "" : " (could not be read)"))
                    .collect(Collectors.joining(", ")));
            events.publishEvent(new EvidenceAdded(ticket.getId(), rows.stream().filter(Evidence::isAnalyzed)
                    .map(Evidence::getKind).collect(Collectors.toSet()), false));
        }
    }

    /**
     * What follows the removal of an attachment's rows (an erasure), in its transaction: what is loaded of the ticket
     * is read again, console lines are joined anew to the requests that remain, and the ticket's search words are
     * made again from what remains, so no word of the removed attachment still finds it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void evidenceRemoved(long ticketId) {
        entities.flush();
        entities.clear();
        Ticket ticket = tickets.findById(ticketId).orElseThrow();
        relink(ticket);
        if (!ticket.isDraft()) {
            indexWords(ticket);
        }
    }

    /** Whether the ticket is still a draft, without loading its evidence. */
    @Transactional(readOnly = true)
    public boolean isDraft(long ticketId) {
        return tickets.findById(ticketId).orElseThrow().isDraft();
    }

    @Transactional(readOnly = true)
    public TicketDetails details(long ticketId) {
        Ticket ticket = tickets.findById(ticketId).orElseThrow();
        return new TicketDetails(ticket, evidence.findByTicketOrderByIdAsc(ticket),
                failures.findByTicketOrderByIdAsc(ticket), consoleFindings.findByTicketOrderByIdAsc(ticket),
                signals.findByTicketOrderByIdAsc(ticket), identifiers.findByTicketOrderByIdAsc(ticket));
    }

    /** The ticket with its failing requests and signals only (see {@link TicketFailure}). */
    public TicketFailure failure(long ticketId) {
        Ticket ticket = tickets.findById(ticketId).orElseThrow();
        return new TicketFailure(ticket, failures.findByTicketOrderByIdAsc(ticket), signals.findByTicketOrderByIdAsc(ticket));
    }

    /**
     * Locks the ticket's row until the caller's transaction ends, so verdicts and summaries are generated one at a
     * time, each from every piece of evidence committed before it (two uploads finishing together would otherwise
     * each write a summary missing the other's file). Workflow changes wait for the lock, never fail on it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockForConclusion(long ticketId) {
        events.publishEvent(new TicketLocking(ticketId)); // rows about several tickets are locked first
        tickets.lockById(ticketId).orElseThrow();
    }

    /**
     * Tells the features that keep what they derived from a ticket that its rows are about to be deleted (see
     * {@link TicketErasing}), in the erasure's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void erasing(long ticketId) {
        events.publishEvent(new TicketErasing(ticketId));
    }

    /** The summary columns' size (V1): a summary is generated, so it is shortened to fit, never refused. */
    static final int SUMMARY_COLUMN = 200_000;
    static final String SUMMARY_SHORTENED = "\n\n(The summary was shortened to fit: the ticket's JSON export has every"
            + " finding.)\n";

    /** Whole lines up to the column's size, with a closing line saying the summary was shortened. */
    static String fitSummary(String summary) {
        if (summary == null || summary.length() <= SUMMARY_COLUMN) {
            return summary;
        }
        int end = summary.lastIndexOf('\n', SUMMARY_COLUMN - SUMMARY_SHORTENED.length());
        if (end <= 0) {
            end = SUMMARY_COLUMN - SUMMARY_SHORTENED.length();
            if (Character.isHighSurrogate(summary.charAt(end - 1))) {
                end--;   // never half a character
            }
        }
        return summary.substring(0, end) + SUMMARY_SHORTENED;
    }

    /**
     * Stores the verdict and the generated summary (computed by the caller from {@link #details}), without moving
     * the ticket's version: they follow from the evidence, which is not the staff's workflow.
     */
    @Transactional
    public Ticket conclude(long ticketId, TriagePath path, String reasons, String markdown, String text) {
        Ticket ticket = tickets.findById(ticketId).orElseThrow();
        tickets.conclude(ticketId, path, reasons, fitSummary(markdown), fitSummary(text));
        entities.refresh(ticket);
        if (!ticket.isDraft()) {
            events.publishEvent(new TicketConcluded(ticketId));
        }
        return ticket;
    }

    /** Turns a draft into a ticket with a reference; submitting twice changes nothing. */
    @Transactional
    public Ticket submit(long ticketId) {
        return submit(ticketId, null);
    }

    /** As {@link #submit(long)}, with the token of the ticket's private link for the reporter's confirmation. */
    @Transactional
    public Ticket submit(long ticketId, String reporterToken) {
        Ticket ticket = tickets.findById(ticketId).orElseThrow();
        if (ticket.isDraft()) {
            ticket.reachStep(5);
            ticket.submit(clock.instant());
            indexWords(ticket);
            long attachments = evidence.countByTicket(ticket);
            audit.recordChange(ticketId, REPORTER, AuditAction.SUBMITTED, attachments == 0 ? "without attachments"
                    : attachments == 1 ? "with 1 attachment" : "with " + attachments + " attachments");
            events.publishEvent(new TicketSubmitted(ticketId, reporterToken));
        }
        return ticket;
    }

    /**
     * What reporters type is redacted like any evidence before it is stored: a description that quotes
     * "Authorization: Bearer ..." or an API key must not keep it.
     */
    private void redactFreeText(Ticket t) {
        Redactor r = engine.redactor();
        t.setSeenMessage(r.text(t.getSeenMessage()));
        t.setDescription(r.text(t.getDescription()));
        t.setEnvironment(r.text(t.getEnvironment()));
        t.setProductDetail(r.text(t.getProductDetail()));
        t.setConversationUrl(t.getConversationUrl() == null ? null : r.url(t.getConversationUrl()));
        ApiContext a = t.getApi();
        a.setRequestIds(r.text(a.getRequestIds()));
        a.setEndpoint(a.getEndpoint() == null ? null : r.url(a.getEndpoint()));
        a.setModel(r.text(a.getModel()));
        a.setOrgId(r.text(a.getOrgId()));
        a.setProjectId(r.text(a.getProjectId()));
        a.setSdk(r.text(a.getSdk()));
    }

    /**
     * Submitted tickets are found by the words of what the reporter wrote and of what their evidence holds (hosts,
     * paths, error codes, request IDs: see {@link TicketWords.Index}); drafts are not searchable.
     */
    private void indexWords(Ticket ticket) {
        words.deleteByTicketId(ticket.getId());
        words.flush();
        TicketWords.Index index = new TicketWords.Index()
                .text(ticket.getSeenMessage(), ticket.getProductDetail(), ticket.getDescription());
        for (FailingRequest f : failures.findByTicketOrderByIdAsc(ticket)) {
            index.url(f.getUrl()).status(f.getStatus()).code(f.getErrorCode()).code(f.getErrorType())
                    .code(f.getNetError());
        }
        for (ConsoleFinding c : consoleFindings.findByTicketOrderByIdAsc(ticket)) {
            index.url(c.getUrl()).status(c.getStatus()).code(c.getNetError()).codesIn(c.getMessage());
        }
        for (String id : identifiers.valuesOfTicketExcept(ticket, RequestIdentifier.CONVERSATION)) {
            index.identifier(id);
        }
        words.saveAll(index.words().stream().map(w -> new TicketWord(ticket.getId(), w)).toList());
    }

    private void relink(Ticket ticket) {
        List<ConsoleFinding> console = consoleFindings.findByTicketOrderByIdAsc(ticket);
        if (console.isEmpty()) {
            return; // nothing to join: a HAR's thousands of failing requests are not loaded for it
        }
        EvidenceLinker.link(console, failures.findByTicketOrderByIdAsc(ticket), ticket.getTimeZone());
    }

    /** Identifiers the reporter typed (API request IDs, the conversation URL) are indexed like found ones. */
    private void syncReportedIdentifiers(Ticket ticket) {
        identifiers.deleteAll(identifiers.findByTicketAndEvidenceIsNull(ticket));
        String typed = ticket.getApi().getRequestIds();
        if (typed != null) {
            for (String id : typed.split("[\\s,;]+")) {
                // a secret typed there is a redaction marker by now: nothing to look a call up by
                if (id.length() >= 4 && !id.contains(Redactor.MARKER_PREFIX)) {
                    identifiers.save(new RequestIdentifier(ticket, null, null, RequestIdentifier.REPORTED, id));
                }
            }
        }
        String conversation = ConversationId.of(ticket.getConversationUrl());
        if (conversation != null) {
            identifiers.save(new RequestIdentifier(ticket, null, null, RequestIdentifier.CONVERSATION, conversation));
        }
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
