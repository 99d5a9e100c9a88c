package dev.triagedesk.webhook.web;

import dev.triagedesk.notification.OutboxMessage;
import dev.triagedesk.notification.OutboxView;
import dev.triagedesk.webhook.WebhookEvent;
import dev.triagedesk.webhook.Webhooks;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /admin/webhooks}: register and remove endpoints; the latest deliveries with their status codes. */
@Controller
class WebhooksController {

    private final Webhooks webhooks;
    private final OutboxView outbox;

    WebhooksController(Webhooks webhooks, OutboxView outbox) {
        this.webhooks = webhooks;
        this.outbox = outbox;
    }

    @GetMapping("/admin/webhooks")
    String page(Model model) {
        model.addAttribute("endpoints", webhooks.all());
        model.addAttribute("events", WebhookEvent.values());
        model.addAttribute("deliveries", outbox.latest(OutboxMessage.Channel.WEBHOOK));
        return "webhook/admin";
    }

    @PostMapping("/admin/webhooks")
    String register(@RequestParam(defaultValue = "") String url,
                    @RequestParam(name = "event", required = false) List<String> event, RedirectAttributes flash) {
        Set<WebhookEvent> chosen = EnumSet.noneOf(WebhookEvent.class);
        for (String type : event == null ? List.<String>of() : event) {
            WebhookEvent.of(type).ifPresent(chosen::add);
        }
        try {
            Webhooks.Registered r = webhooks.register(url, chosen);
            flash.addFlashAttribute("messageKey", "webhooks.registered");
            flash.addFlashAttribute("secret", r.secret());
        } catch (Webhooks.InvalidEndpointException e) {
            flash.addFlashAttribute("errorKey", "webhooks.invalid");
        }
        return "redirect:/admin/webhooks";
    }

    @PostMapping("/admin/webhooks/{id}/delete")
    String remove(@PathVariable String id, RedirectAttributes flash) {
        boolean gone;
        try {
            gone = webhooks.remove(Long.parseLong(id));
        } catch (NumberFormatException e) {
            gone = false;
        }
        flash.addFlashAttribute(gone ? "messageKey" : "errorKey", gone ? "webhooks.removed" : "webhooks.notFound");
        return "redirect:/admin/webhooks";
    }
}
