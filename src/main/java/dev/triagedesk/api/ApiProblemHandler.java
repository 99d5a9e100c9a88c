package dev.triagedesk.api;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MultipartException;

/** Errors of the JSON API as RFC 9457 problem details; the HTML pages have their own error page. */
@RestControllerAdvice(basePackageClasses = ApiProblemHandler.class)
class ApiProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> problem(ApiProblem e, HttpServletRequest request) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(e.status()), e.getMessage());
        p.setTitle(e.title());
        p.setInstance(URI.create(request.getRequestURI()));
        if (!e.errors().isEmpty()) {
            p.setProperty("errors", e.errors());
        }
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(e.status());
        if (e.status() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
            answer.header(HttpHeaders.RETRY_AFTER, "1"); // busy for a moment, not down
        }
        return answer.body(p);
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> notMultipart(MultipartException e, HttpServletRequest request) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Send multipart/form-data with a \"report\" part (JSON) and har, console, apiLog, batch or screenshot parts.");
        p.setTitle("Not a multipart request");
        p.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.badRequest().body(p);
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<ProblemDetail> unexpected(RuntimeException e, HttpServletRequest request) {
        log.error("API request {} failed", LoggedRequest.of(request), e);
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side; nothing you sent was lost if you got a reference before.");
        p.setTitle("Internal error");
        p.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.internalServerError().body(p);
    }
}
