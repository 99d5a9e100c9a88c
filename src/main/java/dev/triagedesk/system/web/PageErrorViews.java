package dev.triagedesk.system.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * Says on the error page what happened when the reporter can do something about it: a form sent without its
 * security token (its cookie was cleared while the page was open, or the page was opened in another browser) is
 * not "something went wrong" but "reload and send again". Other errors keep the page's general text. Only for
 * pages: the API answers with problem details of its own.
 */
@Component
class PageErrorViews implements ErrorViewResolver {

    /** Set by the security configuration when a form's CSRF token was refused. */
    static final String CSRF_REJECTED = "triage.csrfRejected";

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        Map<String, Object> page = new HashMap<>(model);
        if (status == HttpStatus.FORBIDDEN && Boolean.TRUE.equals(request.getAttribute(CSRF_REJECTED))) {
            page.put("errorTitleKey", "error.expired.title");
            page.put("errorKey", "error.expired.text");
        } else if (status == HttpStatus.FORBIDDEN) {
            page.put("errorTitleKey", "error.403.title");
            page.put("errorKey", "error.403.text");
        }
        return new ModelAndView(PageErrorAdvice.VIEW_ERROR, page, status);
    }
}
