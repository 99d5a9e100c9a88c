package dev.triagedesk.desk.web;

import dev.triagedesk.system.PageNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** An unknown ticket, attachment or export answers with the friendly 404 page, saying which of them it was. */
@ControllerAdvice(basePackageClasses = DeskPageErrors.class)
class DeskPageErrors {

    @ExceptionHandler(PageNotFoundException.class)
    ModelAndView notFound(PageNotFoundException e) {
        ModelAndView mav = new ModelAndView("error", HttpStatus.NOT_FOUND);
        mav.addObject("status", HttpStatus.NOT_FOUND.value());
        mav.addObject("errorKey", e.messageKey());
        return mav;
    }
}
