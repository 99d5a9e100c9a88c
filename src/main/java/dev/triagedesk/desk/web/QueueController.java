package dev.triagedesk.desk.web;

import dev.triagedesk.desk.DeskService;
import dev.triagedesk.evidence.TriagePath;
import dev.triagedesk.export.ExportRefusedException;
import dev.triagedesk.export.TicketExporter;
import dev.triagedesk.staff.StaffService;
import dev.triagedesk.staff.StaffUser;
import dev.triagedesk.ticket.Product;
import dev.triagedesk.ticket.TicketStatus;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

    QueueController(DeskService desk, StaffService staff, TicketExporter exporter) {
        this.desk = desk;
        this.staff = staff;
        this.exporter = exporter;
    }

    @GetMapping("/desk")
    String queue(@ModelAttribute("query") QueueQuery query, Principal me, Model model) {
        QueueQuery.Parsed parsed = query.parse(myId(me));
        DeskService.QueuePage result = desk.queue(parsed.filter(), parsed.page() - 1, PAGE_SIZE);
        model.addAttribute("parsed", parsed);
        model.addAttribute("tickets", result.tickets());
        model.addAttribute("evidenceCounts", result.evidenceCounts());
        model.addAttribute("pageNumbers", pageNumbers(parsed.page(), result.tickets().getTotalPages()));
        model.addAttribute("statuses", TicketStatus.values());
        model.addAttribute("paths", TriagePath.values());
        model.addAttribute("products", Product.values());
        model.addAttribute("staff", staff.enabled());
        model.addAttribute("times", Times.UTC);
        return VIEW_QUEUE;
    }

    /**
     * The filtered queue as CSV. Wrong filters go back to the queue, which says what is wrong with them; a refused
     * export goes back with the reason. (Object: either the file or a redirect view name.)
     */
    @GetMapping("/desk/export.csv")
    Object csv(@ModelAttribute("query") QueueQuery query, Principal me, RedirectAttributes flash) {
        QueueQuery.Parsed parsed = query.parse(myId(me));
        if (!parsed.problems().isEmpty()) {
            return "redirect:" + query.pageLink(1);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            exporter.csv(parsed.filter(), me.getName(), out);
        } catch (ExportRefusedException e) {
            flash.addFlashAttribute("errorKey", "export.refused");
            flash.addFlashAttribute("messageArg", e.getMessage());
            return "redirect:" + query.pageLink(1);
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("triage-desk-queue.csv").build().toString())
                .body(out.toByteArray());
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
