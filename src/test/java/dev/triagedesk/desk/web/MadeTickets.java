package dev.triagedesk.desk.web;

import dev.triagedesk.report.ReportService;
import dev.triagedesk.ticket.EvidenceKind;
import dev.triagedesk.ticket.ReportAnswers;
import dev.triagedesk.ticket.Ticket;
import dev.triagedesk.ticket.TicketService;
import dev.triagedesk.ticket.Upload;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.springframework.stereotype.Component;

/**
 * Submits tickets with attachments made in the test (a HAR written by {@link dev.triagedesk.evidence.HarBuilder},
 * console text, a PNG) under any file name, through the same services the form uses.
 */
@Component
class MadeTickets {

    private final TicketService tickets;
    private final ReportService reports;

    MadeTickets(TicketService tickets, ReportService reports) {
        this.tickets = tickets;
        this.reports = reports;
    }

    /** A submitted ticket; {@code har} and {@code console} may be null. */
    Ticket submit(ReportAnswers answers, String harName, String har, String console, boolean screenshot) {
        long id = tickets.startDraft().ticket().getId();
        tickets.answer(id, answers);
        if (har != null) {
            upload(id, harName, har.getBytes(StandardCharsets.UTF_8), EvidenceKind.HAR);
        }
        if (console != null) {
            reports.addPastedConsole(id, console);
        }
        if (screenshot) {
            upload(id, "screen.png", png(), EvidenceKind.SCREENSHOT);
        }
        return reports.submit(id).details().ticket();
    }

    private void upload(long id, String name, byte[] content, EvidenceKind kind) {
        try {
            Path file = Files.createTempFile("made", ".upload");
            Files.write(file, content);
            reports.addUpload(id, new Upload(file, name, content.length, kind));
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] png() {
        BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 40; x++) {
            for (int y = 0; y < 20; y++) {
                image.setRGB(x, y, (x < 20 ? Color.RED : Color.BLUE).getRGB());
            }
        }
        try {
            var out = new java.io.ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
