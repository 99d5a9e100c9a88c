package dev.triagedesk.api;

import dev.triagedesk.desk.ChangedMeanwhileException;
import dev.triagedesk.export.EvidenceMissingException;
import dev.triagedesk.export.ExportRefusedException;
import dev.triagedesk.export.ExportTooLargeException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
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
 * secret shape says so; a change that lost to someone else's is a 409 (at the same moment) or a 412 (since the
 * {@code If-Match} version), with nothing applied. Ahead of {@link ApiProblemHandler}, whose catch-all would call
 * them internal errors.
 */
@RestControllerAdvice(assignableTypes = {StaffApiController.class, IncidentApiController.class})
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

    /** A file an evidence row names is missing from the evidence store: the export is not sent without it. */
    @ExceptionHandler(EvidenceMissingException.class)
    ResponseEntity<ProblemDetail> evidenceMissing(EvidenceMissingException e, HttpServletRequest request) {
        log.error("Export refused, evidence missing from the store: {}", e.getMessage());
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Evidence missing", "A stored attachment of this ticket is"
                + " missing from the evidence store, so the export was not sent: " + e.getMessage() + ".", request,
                List.of());
    }

    @ExceptionHandler(ExportRefusedException.class)
    ResponseEntity<ProblemDetail> refused(ExportRefusedException e, HttpServletRequest request) {
        log.error("Export refused: {}", e.getMessage());
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Export refused", "The export still held something shaped"
                + " like a secret and was not sent: " + e.getMessage() + ".", request, List.of());
    }

    @ExceptionHandler(ExportTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(ExportTooLargeException e, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "Too many tickets", "These filters match more than " + e.max()
                + " tickets, more than one CSV holds: narrow them, for example with from and to.", request, List.of());
    }

    /** {@code If-Match} named a version of the ticket that is no longer the current one. */
    @ExceptionHandler(ChangedMeanwhileException.class)
    ResponseEntity<ProblemDetail> stale(ChangedMeanwhileException e, HttpServletRequest request) {
        return problem(HttpStatus.PRECONDITION_FAILED, "Ticket changed", "The ticket changed since the version in"
                + " If-Match: nothing was applied. Read it again (GET) and send the change with its new ETag.",
                request, List.of());
    }

    /** Someone else's change of the same ticket committed first: this one was rolled back whole. */
    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> conflict(OptimisticLockingFailureException e, HttpServletRequest request) {
        return problem(HttpStatus.CONFLICT, "Changed at the same moment", "Someone else changed this ticket at the"
                + " same moment: nothing of this request was applied. Read the ticket again and repeat the request"
                + " if it is still right.", request, List.of());
    }

    /**
     * The database gave up waiting for a lock (or broke a deadlock) and the action was already taken again a few
     * times: nothing was applied, and the same request can simply be sent again in a moment.
     */
    @ExceptionHandler(PessimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> busy(PessimisticLockingFailureException e, HttpServletRequest request) {
        log.warn("A staff API request lost its locks to concurrent changes: {}", e.getMessage());
        ResponseEntity<ProblemDetail> answer = problem(HttpStatus.SERVICE_UNAVAILABLE, "Busy", "Other changes of the"
                + " same tickets were under way: nothing of this request was applied. Send it again in a moment.",
                request, List.of());
        return ResponseEntity.status(answer.getStatusCode()).header(HttpHeaders.RETRY_AFTER, "1")
                .body(answer.getBody());
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
