package dev.triagedesk.summary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.evidence.HarBuilder;
import dev.triagedesk.report.ReportService;
import dev.triagedesk.support.TriageDeskTest;
import dev.triagedesk.ticket.EvidenceKind;
import dev.triagedesk.ticket.Product;
import dev.triagedesk.ticket.ReportAnswers;
import dev.triagedesk.ticket.Ticket;
import dev.triagedesk.ticket.TicketService;
import dev.triagedesk.ticket.Upload;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.CustomNode;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The Markdown support note rendered as GitHub would render it (CommonMark with GFM tables and autolinks): nothing
 * that came from an upload or from the reporter becomes a link, an image, HTML, a heading or any other block; URLs
 * and request IDs are code spans holding the value exactly; the plain-text note says the same without Markdown.
 * Not the shared database: its tickets carry the conversation ID other tests look up expecting only their own
 * tickets. The same database and context as {@link dev.triagedesk.report.web.ReportFormTests}.
 */
@TriageDeskTest
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:report-form;DB_CLOSE_DELAY=-1",
        "triage.data-dir=target/test-data/report-form"})
class MarkdownNoteTests {

    static final List<Extension> GFM = List.of(TablesExtension.create(), AutolinkExtension.create());
    static final Set<String> HEADINGS = Set.of("Support-ready checklist", "Request IDs", "What happened", "Isolation checks",
            "API details", "Evidence", "Failing requests", "Errors inside successful streams", "Console errors",
            "Signals");
    static final Set<String> TAGS = Set.of("#root", "html", "head", "body", "h1", "h2", "p", "br", "ul", "li", "strong", "code",
            "table", "thead", "tbody", "tr", "th", "td");

    static final String FAILING_URL = "https://evil.example/api?next=https://phish.example/login|x&q=`a``b`";
    static final String REQUEST_ID = "req_`tick`|www.phish.example";
    static final String CONVERSATION = "https://chatgpt.com/c/6915a9bc-afa8-8327-9a1b-0123456789ab?model=gpt-5";
    static final String DESCRIPTION = "- not a list, see https://phish.example/a and www.phish.example or"
            + " help@phish.example\n1. not ordered\n---\n    not code\n# not a heading\n===\n&lt;b&gt; <b>x</b>"
            + " [a](http://b.example) <http://c.example> ![i](http://i.example/i.png) `code` *em* _em_ ~~s~~ | a |";

    @Autowired
    TicketService tickets;
    @Autowired
    ReportService reports;

    @Test
    void nothingUploadedOrTypedBecomesALinkImageHtmlOrHeading() throws IOException {
        HarBuilder har = new HarBuilder();
        har.entry("POST", FAILING_URL, 500)
                .responseHeader("x-request-id", REQUEST_ID)
                .body("application/json", "{\"error\":{\"message\":\"Go to www.phish.example, mail help@phish.example,"
                        + " see http://evil.example/i.png ![x](http://evil.example/i.png) <b>bold</b> &amp;\","
                        + "\"type\":\"server_error\",\"code\":\"https://evil.example/code\"}}")
                .add()
                .entry("GET", "https://chatgpt.com/backend-api/me?from=www.phish.example", 403).add();
        String console = "12:00:00.100 POST https://evil.example/api 500 (Internal Server Error)\n"
                + "Uncaught Error: open https://phish.example/x or www.phish.example/y, ask admin@phish.example\n";
        Ticket t = submit(new ReportAnswers(Product.CHATGPT_WEB, "www.phish.example browser", "See https://phish.example",
                500, null, "UTC", "Mozilla/5.0 (http://evil.example)", "Pat [x](http://evil.example)",
                "pat@example.com", DESCRIPTION, null, null, null, CONVERSATION),
                upload("https://evil.example/capture.har", har.json(), EvidenceKind.HAR),
                upload("www.phish.example.log", console, EvidenceKind.CONSOLE));

        String markdown = t.getSummaryMarkdown();
        Node note = Parser.builder().extensions(GFM).build().parse(markdown);
        assertInert(note, markdown);
        List<String> code = codeSpans(note);
        assertThat(code).as("URLs and IDs as code, exactly").contains(FAILING_URL, REQUEST_ID, CONVERSATION,
                "pat@example.com", "https://phish.example/a", "www.phish.example", "help@phish.example",
                "https://chatgpt.com/backend-api/me?from=www.phish.example");
        Document html = Jsoup.parse(HtmlRenderer.builder().extensions(GFM).build().render(note));
        assertThat(html.text()).contains("- not a list", "1. not ordered", "---", "# not a heading", "===",
                "&lt;b&gt; <b>x</b> [a](http://b.example) <http://c.example> ![i](http://i.example/i.png) `code` *em*"
                        + " _em_ ~~s~~ | a |", "Pat [x](http://evil.example) <pat@example.com>",
                "POST " + FAILING_URL);
        // the reporter's lines stay lines, and the punctuation around a URL stays outside its code
        assertThat(html.select("p:contains(not ordered) br")).hasSize(6);
        assertThat(code).contains("https://phish.example", "http://evil.example").doesNotContain("(www.phish.example");
        // the URL with a pipe stays in its cell
        assertThat(html.select("td code").eachText()).contains(FAILING_URL, REQUEST_ID);

        String text = t.getSummaryText();
        assertThat(text).contains("Conversation: " + CONVERSATION, "POST " + FAILING_URL,
                "x-request-id " + REQUEST_ID, "Pat [x](http://evil.example) <pat@example.com>")
                .doesNotContain("`" + CONVERSATION, "\\_", "\\[");
    }

    @Test
    void anApiReportsEndpointAndRequestIdsAreCodeToo() throws IOException {
        String endpoint = "https://api.openai.com/v1/responses?via=www.phish.example";
        Ticket t = submit(new ReportAnswers(Product.OPENAI_API, null, "500 from www.phish.example", 500, null, "UTC",
                null, null, null, "It fails", null, null, new ReportAnswers.Api("gpt-5 www.phish.example", endpoint,
                "default", "org-abc", "proj_x@phish.example", 30, true, "req_1, https://phish.example/req\nreq_`3`"),
                null));
        Node note = Parser.builder().extensions(GFM).build().parse(t.getSummaryMarkdown());
        assertInert(note, t.getSummaryMarkdown());
        assertThat(codeSpans(note)).contains(endpoint, "req_1", "https://phish.example/req", "req_`3`",
                "proj_x@phish.example", "www.phish.example");
        assertThat(t.getSummaryText()).contains("Request ID: req_1 | Call: given by the reporter",
                "Request ID: https://phish.example/req | Call: given by the reporter",
                "Request ID: req_`3` | Call: given by the reporter", "Endpoint: " + endpoint);
    }

    @Test
    void aCodeSpanHoldsAnyValueExactly() {
        Parser parser = Parser.builder().extensions(GFM).build();
        for (String value : List.of("plain", "`", "``", "a`b", "`start", "end`", "a ``` b", " both ", " left",
                "x|y", "back\\slash", "<b>&amp;</b>")) {
            Node paragraph = parser.parse("see " + SummaryWriter.code(value, false) + " here");
            assertThat(codeSpans(paragraph)).as("code span of [%s]", value).containsExactly(value);
            Node table = parser.parse("| a | b |\n|---|---|\n| " + SummaryWriter.code(value, true) + " | z |\n");
            List<String> cells = new ArrayList<>();
            table.accept(new AbstractVisitor() {
                @Override
                public void visit(CustomNode node) {
                    if (node instanceof TableCell && node.getFirstChild() instanceof Code c) {
                        cells.add(c.getLiteral());
                    }
                    visitChildren(node);
                }
            });
            assertThat(cells).as("table cell code span of [%s]", value).containsExactly(value);
        }
    }

    /** No link, image, HTML, heading of the reporter's, or block other than the note's own lists and tables. */
    static void assertInert(Node note, String markdown) {
        List<String> found = new ArrayList<>();
        note.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                found.add("link to " + link.getDestination());
            }

            @Override
            public void visit(Image image) {
                found.add("image " + image.getDestination());
            }

            @Override
            public void visit(HtmlInline html) {
                found.add("inline HTML " + html.getLiteral());
            }

            @Override
            public void visit(HtmlBlock html) {
                found.add("HTML block " + html.getLiteral());
            }

            @Override
            public void visit(Heading heading) {
                String text = text(heading);
                if (heading.getLevel() == 1 ? !text.startsWith("Report TD-")
                        : !(HEADINGS.contains(text) || text.startsWith("Verdict: "))) {
                    found.add("heading " + text);
                }
            }

            @Override
            public void visit(BlockQuote quote) {
                found.add("block quote");
            }

            @Override
            public void visit(ThematicBreak br) {
                found.add("thematic break");
            }

            @Override
            public void visit(OrderedList list) {
                found.add("ordered list");
            }

            @Override
            public void visit(FencedCodeBlock block) {
                found.add("code block " + block.getLiteral());
            }

            @Override
            public void visit(IndentedCodeBlock block) {
                found.add("indented code " + block.getLiteral());
            }
        });
        assertThat(found).as("markup from content in:\n%s", markdown).isEmpty();
        Document html = Jsoup.parse(HtmlRenderer.builder().extensions(GFM).build().render(note));
        assertThat(html.getAllElements()).extracting(Element::tagName).as("elements of the rendered note")
                .allMatch(TAGS::contains);
    }

    static List<String> codeSpans(Node root) {
        List<String> code = new ArrayList<>();
        root.accept(new AbstractVisitor() {
            @Override
            public void visit(Code c) {
                code.add(c.getLiteral());
            }
        });
        return code;
    }

    private static String text(Node node) {
        StringBuilder b = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) {
                b.append(t.getLiteral());
            }

            @Override
            public void visit(Code c) {
                b.append(c.getLiteral());
            }
        });
        return b.toString();
    }

    private Ticket submit(ReportAnswers answers, Upload... uploads) throws IOException {
        TicketService.Draft draft = tickets.startDraft();
        long id = draft.ticket().getId();
        tickets.answer(id, answers);
        for (Upload u : uploads) {
            reports.addUpload(id, u);
            Files.deleteIfExists(u.file());
        }
        String reference = reports.submit(id).details().ticket().getReference();
        return tickets.byReference(reference).orElseThrow();
    }

    private static Upload upload(String name, String content, EvidenceKind kind) throws IOException {
        Path file = Files.createTempFile("markdown-note", ".upload");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return new Upload(file, name, Files.size(file), kind);
    }
}
