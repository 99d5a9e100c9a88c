package dev.triagedesk.incident.web;

import dev.triagedesk.conversation.ConversationService;
import dev.triagedesk.statuspage.OfficialIncidents;
import dev.triagedesk.incident.Incident;
import dev.triagedesk.incident.IncidentException;
import dev.triagedesk.incident.IncidentNote;
import dev.triagedesk.incident.IncidentOverview;
import dev.triagedesk.incident.IncidentProperties;
import dev.triagedesk.incident.IncidentReader;
import dev.triagedesk.incident.IncidentReplies;
import dev.triagedesk.incident.IncidentService;
import dev.triagedesk.staff.StaffService;
import dev.triagedesk.ticket.TicketStatus;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /desk/incidents}: the incidents, newest failure first, and one incident's page with what staff do with it
 * (status and assignee for all its open tickets, rename, merge, move a ticket out, add one). Every form redirects
 * back with a message; what cannot be done is said on the page, never an error page.
 */
@Controller
@RequestMapping("/desk/incidents")
class IncidentPagesController {

    static final String VIEW_LIST = "incident/list";
    static final String VIEW_INCIDENT = "incident/incident";
    static final int PAGE_SIZE = 50;
    /** The assignee field's value that leaves the assignee as it is. */
    static final String KEEP = "keep";
    /**
     * What the page says when an action lost its locks to other changes of the same tickets, after it was taken
     * again a few times: nothing was applied, and the same form can be sent again.
     */
    static final String BUSY = "Other changes of these tickets were under way, so nothing was changed. Try again in"
            + " a moment.";
    /** Request IDs in an export: every one, up to this many. */
    static final int EXPORTED_REQUEST_IDS = 10_000;

    private final IncidentReader reader;
    private final IncidentService incidents;
    private final IncidentReplies replies;
    private final StaffService staff;
    private final IncidentProperties properties;
    private final Clock clock;
    private final OfficialIncidents official;

    IncidentPagesController(IncidentReader reader, IncidentService incidents, IncidentReplies replies,
                            StaffService staff, IncidentProperties properties, Clock clock,
                            OfficialIncidents official) {
        this.official = official;
        this.reader = reader;
        this.incidents = incidents;
        this.replies = replies;
        this.staff = staff;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping
    String list(@RequestParam(required = false) String status, @RequestParam(defaultValue = "1") String page,
                Model model) {
        TicketStatus only = status(status);
        Page<Incident> result = reader.list(only, pageNumber(page) - 1, PAGE_SIZE);
        model.addAttribute("incidents", result);
        model.addAttribute("status", only);
        model.addAttribute("statuses", TicketStatus.values());
        model.addAttribute("times", IncidentTimes.UTC);
        model.addAttribute("window", window(properties.window()));
        return VIEW_LIST;
    }

    /** {@code page}: which page of its tickets (1-based); one that is not a number or past the end shows the nearest. */
    @GetMapping("/{reference}")
    String page(@PathVariable String reference, @RequestParam(defaultValue = "1") String page, Model model) {
        IncidentOverview overview = reader.overview(reference, pageNumber(page) - 1)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no incident " + reference));
        Incident incident = overview.incident();
        if (!incident.getReference().equalsIgnoreCase(reference.trim())) {
            // merged into another: its page is the one to see
            return "redirect:/desk/incidents/" + incident.getReference();
        }
        model.addAttribute("overview", overview);
        model.addAttribute("incident", incident);
        model.addAttribute("chart", IncidentChart.of(overview.failureTimes(), overview.reportTimes()));
        model.addAttribute("statuses", TicketStatus.values());
        model.addAttribute("staff", staff.enabled());
        model.addAttribute("times", IncidentTimes.UTC);
        model.addAttribute("now", clock.instant());
        model.addAttribute("official", official.covering(incident.getProduct() == null ? null
                : incident.getProduct().name(), incident.getFirstFailureAt(), incident.getLastFailureAt()).orElse(null));
        return VIEW_INCIDENT;
    }

    /** The incident as Markdown for the vendor's support, with every request ID (as the API's export). */
    @GetMapping("/{reference}/export.md")
    ResponseEntity<String> markdown(@PathVariable String reference) {
        IncidentOverview o = reader.overview(reference)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no incident " + reference));
        List<IncidentOverview.RequestSample> all = reader.requestIds(o.ticketIds(), EXPORTED_REQUEST_IDS);
        return ResponseEntity.ok().contentType(new MediaType("text", "markdown", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("incident-" + o.incident().getReference() + ".md").build().toString())
                .body(IncidentNote.markdown(o, all));
    }

    /** {@code assignee}: a staff member's id, {@code none} for nobody, or {@code keep}. */
    @PostMapping("/{reference}/change")
    String change(@PathVariable String reference, @RequestParam(defaultValue = "") String status,
                  @RequestParam(defaultValue = KEEP) String assignee, Principal me, RedirectAttributes flash) {
        TicketStatus to = status.isBlank() ? null : status(status);
        if (!status.isBlank() && to == null) {
            flash.addFlashAttribute("errorKey", "incident.status.invalid");
            return back(reference);
        }
        boolean assign = !KEEP.equals(assignee.trim());
        Long who = null;
        if (assign && !assignee.trim().equals("none")) {
            try {
                who = Long.valueOf(assignee.trim());
            } catch (NumberFormatException e) {
                flash.addFlashAttribute("errorKey", "incident.assignee.invalid");
                return back(reference);
            }
        }
        Long assigneeId = who;
        return act(reference, flash, "incident.changed", () -> incidents.change(reference,
                new IncidentService.Change(to, assign, assigneeId, null), me.getName()));
    }

    @PostMapping("/{reference}/title")
    String rename(@PathVariable String reference, @RequestParam(defaultValue = "") String title, Principal me,
                  RedirectAttributes flash) {
        return act(reference, flash, "incident.renamed", () -> incidents.change(reference,
                new IncidentService.Change(null, false, null, title), me.getName()));
    }

    @PostMapping("/{reference}/merge")
    String merge(@PathVariable String reference, @RequestParam(defaultValue = "") String into, Principal me,
                 RedirectAttributes flash) {
        try {
            Incident target = incidents.merge(reference, into, me.getName());
            flash.addFlashAttribute("messageKey", "incident.merged");
            flash.addFlashAttribute("messageArg", reference.trim().toUpperCase(Locale.ROOT));
            return back(target.getReference());
        } catch (IncidentException e) {
            flash.addFlashAttribute("errorText", e.getMessage());
            return back(reference);
        } catch (PessimisticLockingFailureException e) {
            flash.addFlashAttribute("errorText", BUSY);
            return back(reference);
        }
    }

    @PostMapping("/{reference}/remove")
    String moveOut(@PathVariable String reference, @RequestParam(defaultValue = "") String ticket, Principal me,
                   RedirectAttributes flash) {
        flash.addFlashAttribute("messageArg", ticket.trim().toUpperCase(Locale.ROOT));
        return act(reference, flash, "incident.movedOut", () -> incidents.moveOut(reference, ticket, me.getName()));
    }

    @PostMapping("/{reference}/add")
    String add(@PathVariable String reference, @RequestParam(defaultValue = "") String ticket, Principal me,
               RedirectAttributes flash) {
        flash.addFlashAttribute("messageArg", ticket.trim().toUpperCase(Locale.ROOT));
        return act(reference, flash, "incident.added", () -> incidents.add(reference, ticket, me.getName()));
    }

    /** One public reply to the reporter of each open ticket of the incident. */
    @PostMapping("/{reference}/reply")
    String reply(@PathVariable String reference, @RequestParam(defaultValue = "") String body, Principal me,
                 RedirectAttributes flash) {
        try {
            List<String> replied = replies.replyToAll(reference, body, me.getName());
            flash.addFlashAttribute("messageKey", replied.isEmpty() ? "incident.reply.none" : "incident.replied");
            flash.addFlashAttribute("messageArg", replied.size());
        } catch (ConversationService.InvalidMessageException e) {
            flash.addFlashAttribute("errorKey", "incident.reply.invalid");
        } catch (PessimisticLockingFailureException e) {
            flash.addFlashAttribute("errorText", BUSY);
        } catch (IncidentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
        return back(reference);
    }

    private String act(String reference, RedirectAttributes flash, String messageKey, Runnable action) {
        try {
            action.run();
            flash.addFlashAttribute("messageKey", messageKey);
        } catch (PessimisticLockingFailureException e) {
            // already taken again a few times: nothing was applied
            flash.addFlashAttribute("errorText", BUSY);
        } catch (IncidentException e) {
            flash.getFlashAttributes().remove("messageArg");
            flash.addFlashAttribute("errorText", e.getMessage());
            if (e.kind() == IncidentException.Kind.NOT_FOUND && e.getMessage().startsWith("no incident")) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
            }
        }
        return back(reference);
    }

    private static String back(String reference) {
        String r = reference.trim().toUpperCase(Locale.ROOT);
        // only a reference goes into the address redirected to
        return r.matches("[A-Z0-9-]{1,32}") ? "redirect:/desk/incidents/" + r : "redirect:/desk/incidents";
    }

    /** A page number as a link or a person gives it; 1 when it is not one. */
    static int pageNumber(String page) {
        try {
            return Math.max(1, Integer.parseInt(page.trim()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** The window as people say it: "30 minutes", "2 hours". */
    static String window(Duration d) {
        long minutes = d.toMinutes();
        if (minutes >= 60 && minutes % 60 == 0) {
            return minutes / 60 + (minutes == 60 ? " hour" : " hours");
        }
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }

    /** A status as the forms and links give it ({@code RESOLVED}, {@code resolved}, {@code waiting-on-reporter}). */
    static TicketStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return TicketStatus.valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
