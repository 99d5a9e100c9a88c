package dev.triagedesk.system.web;

import dev.triagedesk.system.ProblemDetailWriter;
import dev.triagedesk.system.ReadableSize;
import dev.triagedesk.system.TriageProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.servlet.view.RedirectView;

/**
 * An upload larger than {@code spring.servlet.multipart.max-request-size}, or whose text fields together are larger
 * than {@code server.tomcat.max-http-form-post-size} (a huge paste of console output), fails while the request is
 * parsed, before any controller is chosen, so no controller advice scoped to a package can see it. This resolver
 * takes those failures: for the pages it sends the reporter back to the page the form is on, with a message saying
 * which of the two it was and what to do (pages that take uploads answer a GET at the address their form posts
 * to); for {@code /api/**} it answers 413 with a problem detail, like every other API error. A request of more
 * parts (files and fields) than {@code server.tomcat.max-part-count} fails the same way and is told as such, as
 * does a part whose headers are longer than {@code server.tomcat.max-part-header-size} (a file name of thousands of
 * characters), a file name with a NUL in it (refused outright only when Tomcat took the request apart itself, see
 * {@link PartsKeepingMultipartResolver}) and a multipart body that cannot be read
 * at all (cut off mid-way): each is the request's refusal with what to do, never a server error. These are
 * the reporter's to fix, so each is one line in the log, without a stack trace.
 */
@Component
class UploadTooLargeResolver implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(UploadTooLargeResolver.class);

    private final MessageSource messages;
    private final DataSize maxRequestSize;
    private final DataSize maxFormText;
    private final DataSize maxPastedText;
    private final int maxParts;
    private final DataSize maxPartHeader;

    /** Why a request was refused while Tomcat parsed it. */
    private enum Refusal { REQUEST_SIZE, TEXT_FIELDS, PART_COUNT, PART_HEADER, FILE_NAME, UNREADABLE }

    UploadTooLargeResolver(MessageSource messages,
                           @Value("${spring.servlet.multipart.max-request-size:10MB}") DataSize maxRequestSize,
                           @Value("${server.tomcat.max-http-form-post-size:2MB}") DataSize maxFormText,
                           @Value("${server.tomcat.max-part-count:50}") int maxParts,
                           @Value("${server.tomcat.max-part-header-size:512B}") DataSize maxPartHeader,
                           TriageProperties properties) {
        this.maxParts = maxParts;
        this.maxPartHeader = maxPartHeader;
        this.messages = messages;
        this.maxRequestSize = maxRequestSize;
        this.maxFormText = maxFormText;
        this.maxPastedText = properties.upload().maxPastedText();
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception ex) {
        // other multipart errors than size ones only while the request is taken apart, before a handler is chosen
        if (!(ex instanceof MaxUploadSizeExceededException || ex instanceof MultipartException && handler == null)
                || !"POST".equals(request.getMethod())) {
            return null;
        }
        Refusal refusal = refusal(request, (MultipartException) ex);
        if (refusal != Refusal.REQUEST_SIZE && refusal != Refusal.TEXT_FIELDS && refusal != Refusal.PART_COUNT) {
            log.warn("A multipart request to {} was refused: {}", pathWithinApplication(request), rootMessage(ex));
        }
        if (isApi(request)) {
            return apiProblem(request, response, refusal);
        }
        Locale locale = RequestContextUtils.getLocale(request);
        String message = switch (refusal) {
            case TEXT_FIELDS -> messages.getMessage("upload.textTooLarge",
                    new Object[] {ReadableSize.of(maxFormText.toBytes()), ReadableSize.of(maxPastedText.toBytes())},
                    locale);
            case PART_COUNT -> messages.getMessage("upload.tooManyParts", new Object[] {maxParts}, locale);
            case PART_HEADER -> messages.getMessage("upload.nameTooLong",
                    new Object[] {ReadableSize.of(maxPartHeader.toBytes())}, locale);
            case FILE_NAME -> messages.getMessage("upload.nameWithNul", null, locale);
            case UNREADABLE -> messages.getMessage("upload.unreadable", null, locale);
            case REQUEST_SIZE -> messages.getMessage("upload.requestTooLarge",
                    new Object[] {megabytes(maxRequestSize)}, locale);
        };
        RequestContextUtils.getOutputFlashMap(request).put(UploadErrors.FLASH_UPLOAD_ERROR, message);
        RedirectView back = new RedirectView(pathWithinApplication(request), true);
        back.setExposeModelAttributes(false);
        return new ModelAndView(back);
    }

    /**
     * Whether it was Tomcat's cap on the text fields rather than the request's size: files do not count towards
     * that cap, so a request within the size limit can only have failed on its text (Tomcat's message names the
     * cap too, for a request of unknown length).
     */
    private Refusal refusal(HttpServletRequest request, MultipartException ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            // Tomcat's FileCountLimitExceededException and InvalidFileNameException, internal classes
            if (t.getClass().getSimpleName().equals("FileCountLimitExceededException")) {
                return Refusal.PART_COUNT;
            }
            if (t.getClass().getSimpleName().equals("InvalidFileNameException")) {
                return Refusal.FILE_NAME;
            }
            if (t.getMessage() != null && t.getMessage().startsWith("Header section has more than")) {
                return Refusal.PART_HEADER;
            }
            if (t.getMessage() != null && t.getMessage().contains("maxPostSize")) {
                return Refusal.TEXT_FIELDS;
            }
        }
        if (!(ex instanceof MaxUploadSizeExceededException)) {
            return Refusal.UNREADABLE;
        }
        long length = request.getContentLengthLong();
        return length >= 0 && length <= maxRequestSize.toBytes() ? Refusal.TEXT_FIELDS : Refusal.REQUEST_SIZE;
    }

    /** The innermost message: Tomcat's own words, for the log. */
    private static String rootMessage(Throwable ex) {
        Throwable t = ex;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = String.valueOf(t.getMessage()).replaceAll("\\p{Cntrl}", "?");
        return m.length() > 300 ? m.substring(0, 299) + "…" : m;
    }

    private ModelAndView apiProblem(HttpServletRequest request, HttpServletResponse response, Refusal refusal) {
        String title = switch (refusal) {
            case TEXT_FIELDS -> "Text fields too large";
            case PART_COUNT -> "Too many parts";
            case REQUEST_SIZE -> "Upload too large";
            case PART_HEADER -> "File name too long";
            case FILE_NAME -> "Invalid file name";
            case UNREADABLE -> "Unreadable multipart request";
        };
        HttpStatus status = switch (refusal) {
            case FILE_NAME, UNREADABLE -> HttpStatus.BAD_REQUEST;
            default -> HttpStatus.CONTENT_TOO_LARGE;
        };
        String detail = switch (refusal) {
            case TEXT_FIELDS -> "The text fields of the request are larger than " + ReadableSize.of(maxFormText.toBytes())
                    + " together, so nothing was taken: send console output over "
                    + ReadableSize.of(maxPastedText.toBytes()) + " as a console part (a file), not as consoleText.";
            case PART_COUNT -> "The request has more than " + maxParts + " parts, so nothing was taken: send the files"
                    + " in several requests (POST /api/reports/{token}/evidence adds them to the report), or as one .zip.";
            case REQUEST_SIZE -> "The request is larger than the limit of " + megabytes(maxRequestSize)
                    + " for one upload: send fewer or smaller files (compress HARs as .gz), or add them to the report"
                    + " one at a time.";
            case PART_HEADER -> "The headers of a part are longer than " + ReadableSize.of(maxPartHeader.toBytes())
                    + " (a file name that long?), so nothing was taken: rename the file, or send it in a .zip.";
            case FILE_NAME -> "A file name holds a NUL character, which no file system allows, so nothing was taken:"
                    + " send the file under its real name.";
            case UNREADABLE -> "The multipart body could not be read (it ends before its closing boundary, or its"
                    + " parts are malformed), so nothing was taken: send the request again.";
        };
        try {
            ProblemDetailWriter.write(ProblemDetailWriter.problem(status, title, detail, pathWithinApplication(request)),
                    response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ModelAndView();
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
