package dev.triagedesk.conversation.web;

import dev.triagedesk.system.web.PageNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** An unknown ticket or reporter link answers with the friendly 404 page, as on the pages they belong to. */
@ControllerAdvice(basePackageClasses = ConversationPageErrors.class)
class ConversationPageErrors {

    @ExceptionHandler(PageNotFoundException.class)
    ModelAndView notFound(PageNotFoundException e) {
        ModelAndView mav = new ModelAndView("error", HttpStatus.NOT_FOUND);
        mav.addObject("status", HttpStatus.NOT_FOUND.value());
        mav.addObject("errorKey", e.messageKey());
        return mav;
    }
}
