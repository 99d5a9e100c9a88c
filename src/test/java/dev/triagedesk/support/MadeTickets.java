package dev.triagedesk.support;

import dev.triagedesk.report.ReportService;
import dev.triagedesk.ticket.EvidenceKind;
import dev.triagedesk.ticket.ReportAnswers;
import dev.triagedesk.ticket.Ticket;
import dev.triagedesk.ticket.TicketService;
import dev.triagedesk.ticket.Upload;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.springframework.stereotype.Component;

/**
 * Submits tickets with attachments made in the test (a HAR written by {@link dev.triagedesk.evidence.HarBuilder},
 * console text, a PNG) under any file name, through the same services the form uses: each file goes through the
 * engine's analysis and sanitizing as an upload would.
 */
@Component
public class MadeTickets {

    /** A file as a reporter would upload it: its name is theirs, whatever it says. */
    public record Attachment(String name, byte[] content, EvidenceKind kind) {

        public static Attachment har(String name, String json) {
            return new Attachment(name, json.getBytes(StandardCharsets.UTF_8), EvidenceKind.HAR);
        }

        public static Attachment console(String name, String text) {
            return new Attachment(name, text.getBytes(StandardCharsets.UTF_8), EvidenceKind.CONSOLE);
        }

        public static Attachment screenshot(String name) {
            return new Attachment(name, png(), EvidenceKind.SCREENSHOT);
        }
    }

    /** A submitted ticket and the token of its reporter's private link ({@code /r/<token>}). */
    public record Made(Ticket ticket, String token) {

        public String reference() {
            return ticket.getReference();
        }
    }

    private final TicketService tickets;
    private final ReportService reports;

    public MadeTickets(TicketService tickets, ReportService reports) {
        this.tickets = tickets;
        this.reports = reports;
    }

    /** A submitted ticket with these answers and attachments. */
    public Made submit(ReportAnswers answers, Attachment... attachments) {
        TicketService.Draft draft = tickets.startDraft();
        long id = draft.ticket().getId();
        tickets.answer(id, answers);
        for (Attachment a : attachments) {
            upload(id, a);
        }
        return new Made(reports.submit(id).details().ticket(), draft.token());
    }

    private void upload(long id, Attachment a) {
        try {
            Path file = Files.createTempFile("made", ".upload");
            Files.write(file, a.content());
            reports.addUpload(id, new Upload(file, a.name(), a.content().length, a.kind()));
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] png() {
        BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 40; x++) {
            for (int y = 0; y < 20; y++) {
                image.setRGB(x, y, (x < 20 ? Color.RED : Color.BLUE).getRGB());
            }
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
