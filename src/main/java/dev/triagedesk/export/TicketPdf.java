package dev.triagedesk.export;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FSFontUseCase;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer.SvgExternalResourceMode;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer.SvgScriptMode;
import dev.triagedesk.audit.AuditAction;
import dev.triagedesk.audit.AuditLog;
import dev.triagedesk.ticket.TicketDetails;
import dev.triagedesk.ticket.TicketService;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.parser.ParseSettings;
import org.jsoup.parser.Parser;
import org.springframework.stereotype.Service;

/**
 * The ticket as a PDF, rendered from the ticket page's own template ({@link PrintableTicket}) with openhtmltopdf.
 * Thymeleaf writes HTML, which is not XML: jsoup parses it and hands the renderer a W3C DOM. The fonts ship with
 * the application (DejaVu for Latin, Greek, Cyrillic and many symbols; Droid Sans Fallback for Chinese, Japanese
 * and Korean; Symbola for emoji), because the renderer's built-in fonts only cover Latin-1. The timeline picture
 * is inline SVG, drawn by Batik. The renderer may load nothing from outside: every resource is refused.
 */
@Service
public class TicketPdf {

    /** The families the PDF stylesheet names; each falls back to the next for a character it lacks. */
    static final String SANS = "Triage Sans";
    static final String MONO = "Triage Mono";
    static final String CJK = "Triage CJK";
    static final String SYMBOLS = "Triage Symbols";

    private static final String DEJAVU = "/net/sf/jasperreports/fonts/dejavu/";
    private static final String OWN_FONTS = "/fonts/";

    private final TicketService tickets;
    private final PrintableTicket page;
    private final AuditLog audit;
    private final String stylesheet;
    private final Fonts fonts;

    TicketPdf(TicketService tickets, PrintableTicket page, AuditLog audit) {
        this.tickets = tickets;
        this.page = page;
        this.audit = audit;
        this.stylesheet = new String(resource("/pdf/ticket.css"), StandardCharsets.UTF_8);
        this.fonts = new Fonts();
    }

    /** The PDF of a submitted ticket; audited as an export. */
    public byte[] pdf(String reference, String actor) {
        TicketDetails d = tickets.submittedDetails(reference)
                .orElseThrow(() -> new IllegalArgumentException("no ticket " + reference));
        String html = TicketExporter.checked(page.html(d), "the PDF of " + d.ticket().getReference());
        byte[] pdf = render(html, d.ticket().getReference());
        audit.recordAccess(d.ticket().getId(), actor, AuditAction.EXPORTED, "ticket PDF");
        return pdf;
    }

    /** Renders HTML to PDF with the print stylesheet and the bundled fonts. */
    byte[] render(String html, String title) {
        // case kept: SVG's viewBox must not become viewbox
        Document parsed = Jsoup.parse(html, "", Parser.htmlParser().settings(ParseSettings.preserveCase));
        parsed.head().appendElement("style").appendChild(new DataNode(stylesheet));
        org.w3c.dom.Document dom = new W3CDom().fromJsoup(parsed);
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.withW3cDocument(dom, "about:blank");
        builder.withProducer("Triage Desk");
        builder.useSVGDrawer(new BatikSVGDrawer(SvgScriptMode.SECURE, SvgExternalResourceMode.SECURE));
        // the document is built from attacker-written text: should anything ever name a resource, it stays unloaded
        builder.useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
        builder.useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
        fonts.register(builder);
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("could not render the PDF of " + title, e);
        }
        return out.toByteArray();
    }

    /** The font files, read once: the renderer parses (and subsets) them for each PDF. */
    private static final class Fonts {

        private record Face(String family, byte[] bytes, int weight, boolean fallback) {
        }

        private final List<Face> faces = List.of(
                new Face(SANS, resource(DEJAVU + "DejaVuSans.ttf"), 400, false),
                new Face(SANS, resource(DEJAVU + "DejaVuSans-Bold.ttf"), 700, false),
                new Face(MONO, resource(DEJAVU + "DejaVuSansMono.ttf"), 400, false),
                new Face(MONO, resource(DEJAVU + "DejaVuSansMono-Bold.ttf"), 700, false),
                new Face(CJK, resource(OWN_FONTS + "DroidSansFallback.ttf"), 400, true),
                new Face(SYMBOLS, resource(OWN_FONTS + "Symbola.ttf"), 400, true));

        void register(PdfRendererBuilder builder) {
            for (Face f : faces) {
                // SVG: the timeline's labels are drawn by Batik, which gets its fonts from here, not from the system
                EnumSet<FSFontUseCase> uses = f.fallback()
                        ? EnumSet.of(FSFontUseCase.DOCUMENT, FSFontUseCase.SVG, FSFontUseCase.FALLBACK_PRE)
                        : EnumSet.of(FSFontUseCase.DOCUMENT, FSFontUseCase.SVG);
                builder.useFont(() -> new ByteArrayInputStream(f.bytes()), f.family(), f.weight(), FontStyle.NORMAL,
                        true, uses);
            }
        }
    }

    private static byte[] resource(String path) {
        try (InputStream in = TicketPdf.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
