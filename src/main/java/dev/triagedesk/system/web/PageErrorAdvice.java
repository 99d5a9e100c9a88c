package dev.triagedesk.system.web;

import dev.triagedesk.system.PageNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors of the HTML pages as the friendly error page. Scoped to the page packages so the JSON API's own
 * advice answers for {@code /api/**}; whatever is not handled here reaches Spring Boot's error page
 * ({@code templates/error.html}), which never shows a stack trace.
 */
@ControllerAdvice(basePackages = {"dev.triagedesk.report.web", "dev.triagedesk.system.web"})
class PageErrorAdvice {

    static final String VIEW_ERROR = "error";

    @ExceptionHandler(PageNotFoundException.class)
    ModelAndView notFound(PageNotFoundException e) {
        ModelAndView mav = new ModelAndView(VIEW_ERROR, HttpStatus.NOT_FOUND);
        mav.addObject("status", HttpStatus.NOT_FOUND.value());
        mav.addObject("errorKey", e.messageKey());
        return mav;
    }
}
