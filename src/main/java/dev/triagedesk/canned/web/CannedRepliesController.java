package dev.triagedesk.canned.web;

import dev.triagedesk.canned.CannedReplies;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/canned-replies}: administrators add, change and remove canned replies;
 * {@code /desk/tickets/{reference}/canned}: an agent inserts one, filled for the ticket, into the public reply box
 * (back on the ticket page, to edit before sending; no script needed).
 */
@Controller
class CannedRepliesController {

    static final String VIEW = "canned/admin";

    private final CannedReplies replies;

    CannedRepliesController(CannedReplies replies) {
        this.replies = replies;
    }

    @GetMapping("/admin/canned-replies")
    String list(Model model) {
        model.addAttribute("replies", replies.all());
        return VIEW;
    }

    @PostMapping("/admin/canned-replies")
    String save(@RequestParam(required = false) String id, @RequestParam(defaultValue = "") String name,
                @RequestParam(defaultValue = "") String body, RedirectAttributes flash) {
        try {
            replies.save(id == null || id.isBlank() ? null : Long.valueOf(id.trim()), name, body);
            flash.addFlashAttribute("messageKey", "canned.saved");
        } catch (IllegalArgumentException e) { // a bad id is a NumberFormatException, one of these
            flash.addFlashAttribute("errorKey", "canned.invalid");
            flash.addFlashAttribute("draftName", name);
            flash.addFlashAttribute("draftBody", body);
        }
        return "redirect:/admin/canned-replies";
    }

    @PostMapping("/admin/canned-replies/{id}/delete")
    String delete(@PathVariable String id, RedirectAttributes flash) {
        boolean gone;
        try {
            gone = replies.delete(Long.parseLong(id));
        } catch (NumberFormatException e) {
            gone = false;
        }
        flash.addFlashAttribute(gone ? "messageKey" : "errorKey", gone ? "canned.deleted" : "canned.notFound");
        return "redirect:/admin/canned-replies";
    }

    @GetMapping("/desk/tickets/{reference}/canned")
    String insert(@PathVariable String reference, @RequestParam(defaultValue = "") String id,
                  RedirectAttributes flash) {
        String text;
        try {
            text = replies.filled(Long.parseLong(id.trim()), reference).orElse(null);
        } catch (NumberFormatException e) {
            text = null;
        }
        if (text == null) {
            flash.addFlashAttribute("errorKey", "canned.notFound");
        } else {
            flash.addFlashAttribute("draftReply", text);
            flash.addFlashAttribute("messageKey", "canned.inserted");
        }
        flash.addFlashAttribute("messageAt", "conversation");
        return "redirect:/desk/tickets/" + reference.trim().toUpperCase(java.util.Locale.ROOT) + "#reply-body";
    }
}
