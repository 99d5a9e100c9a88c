package dev.triagedesk.erasure.web;

import dev.triagedesk.system.PageNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** A ticket or attachment that is not there (or no longer) answers with the friendly 404 page. */
@ControllerAdvice(basePackageClasses = ErasurePageErrors.class)
class ErasurePageErrors {

    @ExceptionHandler(PageNotFoundException.class)
    ModelAndView notFound(PageNotFoundException e) {
        ModelAndView mav = new ModelAndView("error", HttpStatus.NOT_FOUND);
        mav.addObject("status", HttpStatus.NOT_FOUND.value());
        mav.addObject("errorKey", e.messageKey());
        return mav;
    }
}
