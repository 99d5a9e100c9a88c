package dev.triagedesk.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * A staff API request that matched no handler (an unknown address, a method or content type the address does not
 * take) fails before any controller is chosen, where scoped advice cannot see it: this one sees every such
 * failure, answers those under {@code /api/tickets} as problem details, and hands every other one back, unchanged,
 * to Spring MVC's default handling (the HTML pages' error page, the report API's own answers).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class StaffApiUnmatched {

    static final String PREFIX = "/api/tickets";
    static final String INCIDENTS = "/api/incidents";

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> unknown(NoResourceFoundException e, HttpServletRequest request) throws Exception {
        requireStaffApi(e, request);
        return StaffApiErrors.problem(HttpStatus.NOT_FOUND, "Not found", "The staff API has no such address;"
                + " see the staff API in the README.", request, List.of());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request)
            throws Exception {
        requireStaffApi(e, request);
        String allowed = e.getSupportedMethods() == null ? "" : String.join(", ", e.getSupportedMethods());
        ResponseEntity<ProblemDetail> answer = StaffApiErrors.problem(HttpStatus.METHOD_NOT_ALLOWED,
                "Method not allowed", request.getMethod() + " is not allowed here"
                        + (allowed.isEmpty() ? "." : "; this address takes " + allowed + "."), request, List.of());
        return ResponseEntity.status(answer.getStatusCode()).header(HttpHeaders.ALLOW, allowed).body(answer.getBody());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> contentType(HttpMediaTypeNotSupportedException e, HttpServletRequest request)
            throws Exception {
        requireStaffApi(e, request);
        String accepted = MediaType.toString(e.getSupportedMediaTypes());
        ResponseEntity<ProblemDetail> answer = StaffApiErrors.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "Unsupported content type", "Send the body as JSON (Content-Type: application/json).", request,
                List.of());
        return ResponseEntity.status(answer.getStatusCode()).header(HttpHeaders.ACCEPT, accepted).body(answer.getBody());
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> accept(HttpMediaTypeNotAcceptableException e, HttpServletRequest request)
            throws Exception {
        requireStaffApi(e, request);
        return StaffApiErrors.problem(HttpStatus.NOT_ACCEPTABLE, "Not acceptable", "This address answers with "
                + MediaType.toString(e.getSupportedMediaTypes()) + "; ask for that (or for */*).", request, List.of());
    }

    /**
     * Rethrowing from an exception handler makes Spring MVC go on with its default handling of the same
     * exception, as if this advice did not exist.
     */
    private static void requireStaffApi(Exception e, HttpServletRequest request) throws Exception {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!(path.equals(PREFIX) || path.startsWith(PREFIX + "/") || path.equals(INCIDENTS)
                || path.startsWith(INCIDENTS + "/"))) {
            throw e;
        }
    }
}
