package dev.triagedesk.desk.web;

import dev.triagedesk.export.PrintableTicket;
import dev.triagedesk.ticket.TicketDetails;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders the ticket page's template with {@code pdf = true}: no staff layout (navigation, sign-out), no forms,
 * buttons or links, nothing internal to the help desk; a plain print layout instead. Runs outside any request
 * (a template context without a web exchange), which is why the print branch of the template uses no {@code @{...}}
 * links.
 */
@Component
class TicketPagePrinter implements PrintableTicket {

    private final ITemplateEngine templates;
    private final TicketView view;

    TicketPagePrinter(ITemplateEngine templates, TicketView view) {
        this.templates = templates;
        this.view = view;
    }

    @Override
    public String html(TicketDetails details) {
        Locale locale = LocaleContextHolder.getLocale();
        Context context = new Context(locale, view.model(details, true));
        return templates.process(TicketPageController.VIEW_TICKET, context);
    }
}
