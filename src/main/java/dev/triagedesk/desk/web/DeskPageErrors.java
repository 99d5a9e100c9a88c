package dev.triagedesk.desk.web;

import dev.triagedesk.storage.MissingEvidenceException;
import dev.triagedesk.system.PageNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * An unknown ticket, attachment or export answers with the friendly 404 page, saying which of them it was; an
 * attachment whose stored copy is missing from the evidence store with an error page saying so.
 */
@ControllerAdvice(basePackageClasses = DeskPageErrors.class)
class DeskPageErrors {

    private static final Logger log = LoggerFactory.getLogger(DeskPageErrors.class);

    @ExceptionHandler(PageNotFoundException.class)
    ModelAndView notFound(PageNotFoundException e) {
        ModelAndView mav = new ModelAndView("error", HttpStatus.NOT_FOUND);
        mav.addObject("status", HttpStatus.NOT_FOUND.value());
        mav.addObject("errorKey", e.messageKey());
        return mav;
    }

    /** A row names a file the evidence store lacks: said on the page and in the log, never a plain 404. */
    @ExceptionHandler(MissingEvidenceException.class)
    ModelAndView missingEvidence(MissingEvidenceException e) {
        log.error("The evidence store lacks {}, which a row names", e.location());
        ModelAndView mav = new ModelAndView("error", HttpStatus.INTERNAL_SERVER_ERROR);
        mav.addObject("status", HttpStatus.INTERNAL_SERVER_ERROR.value());
        mav.addObject("errorKey", "ticket.attachment.missing");
        return mav;
    }
}
