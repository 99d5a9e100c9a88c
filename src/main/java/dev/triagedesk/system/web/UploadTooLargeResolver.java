package dev.triagedesk.system.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.servlet.view.RedirectView;

/**
 * A page upload larger than {@code spring.servlet.multipart.max-request-size} fails while the request is parsed,
 * before any controller is chosen, so no controller advice scoped to a package can see it. This resolver takes
 * those failures for the pages (never for {@code /api/**}, which answers with a problem detail) and sends the
 * reporter back to the page the form is on, with a message saying what to do. Pages that take uploads answer a
 * GET at the address their form posts to.
 */
@Component
class UploadTooLargeResolver implements HandlerExceptionResolver, Ordered {

    private final MessageSource messages;
    private final DataSize maxRequestSize;

    UploadTooLargeResolver(MessageSource messages,
                           @Value("${spring.servlet.multipart.max-request-size:10MB}") DataSize maxRequestSize) {
        this.messages = messages;
        this.maxRequestSize = maxRequestSize;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception ex) {
        if (!(ex instanceof MaxUploadSizeExceededException) || isApi(request) || !"POST".equals(request.getMethod())) {
            return null;
        }
        Locale locale = RequestContextUtils.getLocale(request);
        String message = messages.getMessage("upload.requestTooLarge", new Object[] {megabytes(maxRequestSize)}, locale);
        RequestContextUtils.getOutputFlashMap(request).put(UploadErrors.FLASH_UPLOAD_ERROR, message);
        RedirectView back = new RedirectView(pathWithinApplication(request), true);
        back.setExposeModelAttributes(false);
        return new ModelAndView(back);
    }

    @Override
    public int getOrder() {
        // before Spring MVC's own resolvers, which would answer 413 with an empty page
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    private static boolean isApi(HttpServletRequest request) {
        String path = pathWithinApplication(request);
        return path.equals("/api") || path.startsWith("/api/");
    }

    private static String pathWithinApplication(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }

    static String megabytes(DataSize size) {
        long mb = size.toMegabytes();
        return mb >= 1024 && mb % 1024 == 0 ? (mb / 1024) + " GB" : Math.max(1, mb) + " MB";
    }
}
