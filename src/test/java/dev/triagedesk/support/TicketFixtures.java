package dev.triagedesk.support;

import dev.triagedesk.evidence.Corpus;
import dev.triagedesk.report.ReportService;
import dev.triagedesk.ticket.EvidenceKind;
import dev.triagedesk.ticket.Product;
import dev.triagedesk.ticket.ReportAnswers;
import dev.triagedesk.ticket.StatusPageAnswer;
import dev.triagedesk.ticket.Ticket;
import dev.triagedesk.ticket.TicketService;
import dev.triagedesk.ticket.Upload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.stereotype.Component;

/** Submits tickets through the same services the form and the API use. */
@Component
public class TicketFixtures {

    private final TicketService tickets;
    private final ReportService reports;

    public TicketFixtures(TicketService tickets, ReportService reports) {
        this.tickets = tickets;
        this.reports = reports;
    }

    public static ReportAnswers answers(Product product, String description, String email) {
        return new ReportAnswers(product, null, "Something went wrong", 500, null, "UTC", null, "Pat", email,
                description, null, null, null, null);
    }

    /** A submitted ticket with the given answers and corpus HARs attached; returns it as stored. */
    public Ticket submit(ReportAnswers answers, String... corpusHars) {
        TicketService.Draft draft = tickets.startDraft();
        long id = draft.ticket().getId();
        tickets.answer(id, answers);
        for (String har : corpusHars) {
            Path file = Corpus.har(har);
            Path copy;
            try {
                copy = Files.createTempFile("fixture", ".har");
                Files.copy(file, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                reports.addUpload(id, new Upload(copy, har, Files.size(copy), EvidenceKind.HAR));
                Files.deleteIfExists(copy);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return reports.submit(id).details().ticket();
    }

    /** A submitted ticket with the given answers and one HAR made by the test (a corpus file cut short...). */
    public Ticket submitHar(ReportAnswers answers, String name, byte[] har) {
        TicketService.Draft draft = tickets.startDraft();
        long id = draft.ticket().getId();
        tickets.answer(id, answers);
        try {
            Path copy = Files.createTempFile("fixture", ".har");
            Files.write(copy, har);
            reports.addUpload(id, new Upload(copy, name, har.length, EvidenceKind.HAR));
            Files.deleteIfExists(copy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return reports.submit(id).details().ticket();
    }

    /** The token of a new draft, for tests of the reporter's pages. */
    public TicketService.Draft draft() {
        return tickets.startDraft();
    }

    /**
     * The token of a draft whose first {@code steps} steps are answered, as if the reporter had walked them: the
     * product and the message seen, and from step 2 on "no incident" on the status page.
     */
    public String draftAt(Product product, int steps) {
        TicketService.Draft draft = tickets.startDraft();
        tickets.update(draft.ticket().getId(), t -> {
            t.setProduct(product);
            t.setSeenMessage("Something went wrong");
            if (steps >= 2) {
                t.setStatusPage(StatusPageAnswer.NO_INCIDENT);
            }
            t.reachStep(steps);
        });
        return draft.token();
    }
}
