package dev.triagedesk.api;

import dev.triagedesk.export.ExportRefusedException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * What goes wrong in a staff API call once it has reached {@link StaffApiController}, as RFC 9457 problem details
 * that say what to fix: a body that is not JSON (or not the JSON object the call takes) and a parameter of the
 * wrong type are the caller's mistakes (400), not internal errors; an export refused because it still held a
 * secret shape says so. Ahead of {@link ApiProblemHandler}, whose catch-all would call them internal errors.
 */
@RestControllerAdvice(assignableTypes = StaffApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class StaffApiErrors {

    private static final Logger log = LoggerFactory.getLogger(StaffApiErrors.class);

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", "The body is not valid JSON, or not the JSON"
                + " object this call takes (see the staff API in the README).", request, List.of());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        String expected = e.getRequiredType() == null ? "another value"
                : Number.class.isAssignableFrom(e.getRequiredType()) || e.getRequiredType().isPrimitive()
                        ? "a whole number" : "a valid value";
        ApiProblem.FieldError error = new ApiProblem.FieldError(e.getName(),
                "\"" + e.getValue() + "\" is not " + expected);
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", error.field() + ": " + error.message(), request,
                List.of(error));
    }

    @ExceptionHandler(ExportRefusedException.class)
    ResponseEntity<ProblemDetail> refused(ExportRefusedException e, HttpServletRequest request) {
        log.error("Export refused: {}", e.getMessage());
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Export refused", "The export still held something shaped"
                + " like a secret and was not sent: " + e.getMessage() + ".", request, List.of());
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail,
                                                 HttpServletRequest request, List<ApiProblem.FieldError> errors) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        p.setInstance(URI.create(request.getRequestURI()));
        if (!errors.isEmpty()) {
            p.setProperty("errors", errors);
        }
        return ResponseEntity.status(status).body(p);
    }
}
