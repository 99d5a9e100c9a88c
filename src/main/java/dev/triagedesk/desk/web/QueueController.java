package dev.triagedesk.desk.web;

import dev.triagedesk.desk.DeskService;
import dev.triagedesk.evidence.TriagePath;
import dev.triagedesk.desk.TicketFilter;
import dev.triagedesk.incident.Incident;
import dev.triagedesk.incident.IncidentReader;
import dev.triagedesk.incident.IncidentService;
import dev.triagedesk.export.ExportRefusedException;
import dev.triagedesk.export.ExportTooLargeException;
import dev.triagedesk.export.TemporaryDownload;
import dev.triagedesk.export.TicketExporter;
import dev.triagedesk.staff.StaffService;
import dev.triagedesk.staff.StaffUser;
import dev.triagedesk.ticket.Product;
import dev.triagedesk.ticket.Ticket;
import dev.triagedesk.ticket.TicketStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.Principal;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /desk}: the queue. Filters, the search box, sorting and paging are all query parameters, so a view of the
 * queue can be bookmarked and shared; the CSV download carries the same ones.
 */
@Controller
class QueueController {

    static final String VIEW_QUEUE = "desk/queue";
    static final int PAGE_SIZE = 50;

    private final DeskService desk;
    private final StaffService staff;
    private final TicketExporter exporter;
    private final IncidentService incidents;
    private final IncidentReader reader;

    QueueController(DeskService desk, StaffService staff, TicketExporter exporter, IncidentService incidents,
                    IncidentReader reader) {
        this.reader = reader;
        this.desk = desk;
        this.staff = staff;
        this.exporter = exporter;
        this.incidents = incidents;
    }

    @GetMapping("/desk")
    String queue(@ModelAttribute("query") QueueQuery query, Principal me, Model model) {
        QueueQuery.Parsed parsed = query.parse(myId(me));
        model.addAttribute("statuses", TicketStatus.values());
        model.addAttribute("paths", TriagePath.values());
        model.addAttribute("products", Product.values());
        model.addAttribute("staff", staff.enabled());
        model.addAttribute("times", Times.UTC);
        model.addAttribute("parsed", parsed);
        if (query.incidentsView()) {
            // the filters that mean something for an incident; the others are said to be left out on the page
            TicketFilter f = parsed.filter();
            Page<Incident> listed = reader.filtered(f.status(), f.verdict(), f.product(), f.assignee(),
                    f.from() == null ? null : f.from().atStartOfDay(ZoneOffset.UTC).toInstant(),
                    f.to() == null ? null : f.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                    parsed.page() - 1, PAGE_SIZE);
            model.addAttribute("incidents", listed);
            model.addAttribute("pageNumbers", pageNumbers(parsed.page(), listed.getTotalPages()));
            return VIEW_QUEUE;
        }
        DeskService.QueuePage result = desk.queue(parsed.filter(), parsed.page() - 1, PAGE_SIZE);
        model.addAttribute("tickets", result.tickets());
        model.addAttribute("evidenceCounts", result.evidenceCounts());
        // each row names its incident
        model.addAttribute("ticketIncidents", incidents.ofTickets(result.tickets().map(Ticket::getId).toList()));
        model.addAttribute("pageNumbers", pageNumbers(parsed.page(), result.tickets().getTotalPages()));
        return VIEW_QUEUE;
    }

    /**
     * The filtered queue as CSV. It is complete and checked before the first byte is sent, so whatever stops it
     * is a message on the queue page rather than a broken download: wrong filters (the queue says what is wrong
     * with them), an export refused for a leftover secret shape, a queue too long for one file. (Object: either
     * the file or a redirect view name.)
     */
    @GetMapping("/desk/export.csv")
    Object csv(@ModelAttribute("query") QueueQuery query, Principal me, RedirectAttributes flash) throws IOException {
        QueueQuery.Parsed parsed = query.parse(myId(me));
        if (!parsed.problems().isEmpty()) {
            flash.addFlashAttribute("errorKey", "queue.csv.problems");
            return "redirect:" + query.pageLink(1);
        }
        Path file;
        try {
            file = exporter.csv((max, each) -> desk.eachRow(parsed.filter(), max, each), me.getName());
        } catch (ExportRefusedException e) {
            flash.addFlashAttribute("errorKey", "export.refused");
            flash.addFlashAttribute("messageArg", e.getMessage());
            return "redirect:" + query.pageLink(1);
        } catch (ExportTooLargeException e) {
            flash.addFlashAttribute("errorKey", "queue.csv.tooLarge");
            flash.addFlashAttribute("messageArg", e.max());
            return "redirect:" + query.pageLink(1);
        }
        return TemporaryDownload.of(file, new MediaType("text", "csv", StandardCharsets.UTF_8), "triage-desk-queue.csv");
    }

    private Long myId(Principal me) {
        return me == null ? null : staff.byUsername(me.getName()).map(StaffUser::getId).orElse(null);
    }

    /** The page links to show: the first, the last, and two either side of the current one (0 marks a gap). */
    static List<Integer> pageNumbers(int current, int total) {
        List<Integer> numbers = new ArrayList<>();
        int last = 0;
        for (int p = 1; p <= total; p++) {
            if (p == 1 || p == total || Math.abs(p - current) <= 2) {
                if (last != 0 && p > last + 1) {
                    numbers.add(0);
                }
                numbers.add(p);
                last = p;
            }
        }
        return numbers;
    }
}
