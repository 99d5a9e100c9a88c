package dev.triagedesk.report.web;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * A reporter's step or evidence that met a busy service (no free database connection, or its locks lost to other
 * transactions on every attempt) goes back to the page it was sent from, which says so and lists what was kept:
 * each file is stored in a transaction of its own, so the ones before it are there. It was the error page, and the
 * reporter could not tell what had been taken. A page that could not be shown says to try again (a 503, never a
 * redirect to itself). The last step's button says so itself and keeps the draft.
 */
@ControllerAdvice(assignableTypes = {ReportFormController.class, EvidenceStepController.class,
        ReporterPageController.class})
class ReportPagesBusy {

    private static final Logger log = LoggerFactory.getLogger(ReportPagesBusy.class);

    @ExceptionHandler({CannotCreateTransactionException.class, ConcurrencyFailureException.class})
    ModelAndView busy(RuntimeException e, HttpServletRequest request) {
        // not the address: the reporter's pages carry the private link's token
        log.warn("A reporter's {} request met a busy service: {}", request.getMethod(), e.getClass().getSimpleName());
        if ("GET".equals(request.getMethod())) {
            ModelAndView page = new ModelAndView("error", HttpStatus.SERVICE_UNAVAILABLE);
            page.addObject("status", HttpStatus.SERVICE_UNAVAILABLE.value());
            page.addObject("errorTitleKey", "error.busy.title");
            page.addObject("errorKey", "error.busy.text");
            return page;
        }
        RequestContextUtils.getOutputFlashMap(request).put(StepPages.WARNING, "flash.busyPart");
        return new ModelAndView("redirect:" + pageOf(request));
    }

    /** The page a form was sent from: a step's own address, or the reporter's page for its evidence form. */
    static String pageOf(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/r/") && path.endsWith("/evidence")) {
            return path.substring(0, path.length() - "/evidence".length());
        }
        return path;
    }
}
