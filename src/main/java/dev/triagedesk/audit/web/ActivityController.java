package dev.triagedesk.audit.web;

import dev.triagedesk.audit.AuditEvent;
import dev.triagedesk.audit.AuditLog;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Activity (administrators only, as all of {@code /admin}): what the audit log holds about no ticket in
 * particular, such as exports of the queue and changes of staff accounts, newest first, a page at a time.
 */
@Controller
@RequestMapping("/admin/activity")
class ActivityController {

    static final String VIEW_ACTIVITY = "audit/activity";
    static final int PAGE_SIZE = 50;
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final AuditLog audit;

    ActivityController(AuditLog audit) {
        this.audit = audit;
    }

    /** {@code page} counts from 1, as the links show it. */
    @GetMapping
    String activity(@RequestParam(defaultValue = "1") int page, Model model) {
        Page<AuditEvent> events = audit.withoutTicket(Math.max(1, page) - 1, PAGE_SIZE);
        model.addAttribute("events", events);
        model.addAttribute("utc", UTC);
        return VIEW_ACTIVITY;
    }
}
