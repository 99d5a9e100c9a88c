package dev.triagedesk.notification.web;

import dev.triagedesk.notification.MailPreferences;
import dev.triagedesk.notification.OutboxView;
import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /account/notifications}: what the signed-in staff member hears about by mail (the form is on the Account
 * page); {@code /admin/outbox}: every queued message and where its sending stands, for administrators.
 */
@Controller
class NotificationPagesController {

    static final String VIEW_OUTBOX = "notification/outbox";

    private final MailPreferences preferences;
    private final OutboxView outbox;

    NotificationPagesController(MailPreferences preferences, OutboxView outbox) {
        this.preferences = preferences;
        this.outbox = outbox;
    }

    @PostMapping("/account/notifications")
    String choose(@RequestParam(defaultValue = "") String email,
                  @RequestParam(defaultValue = "false") boolean newTicket,
                  @RequestParam(defaultValue = "false") boolean reporterReply,
                  @RequestParam(defaultValue = "false") boolean incidentOpened, Principal me,
                  RedirectAttributes flash) {
        try {
            preferences.choose(me.getName(), email, newTicket, reporterReply, incidentOpened);
            flash.addFlashAttribute("messageKey", "notifications.saved");
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("errorKey", "notifications.invalid");
        }
        flash.addFlashAttribute("messageAt", "notifications");
        return "redirect:/account#notifications";
    }

    @GetMapping("/admin/outbox")
    String outbox(@RequestParam(defaultValue = "1") String page, Model model) {
        int number;
        try {
            number = Math.max(1, Integer.parseInt(page.trim()));
        } catch (NumberFormatException e) {
            number = 1;
        }
        model.addAttribute("messages", outbox.page(number - 1));
        model.addAttribute("counts", outbox.counts());
        return VIEW_OUTBOX;
    }

    @PostMapping("/admin/outbox/{id}/retry")
    String retry(@PathVariable String id, RedirectAttributes flash) {
        boolean queued;
        try {
            queued = outbox.retry(Long.parseLong(id));
        } catch (NumberFormatException e) {
            queued = false;
        }
        flash.addFlashAttribute(queued ? "messageKey" : "errorKey",
                queued ? "outbox.retried" : "outbox.notRetried");
        return "redirect:/admin/outbox";
    }
}
