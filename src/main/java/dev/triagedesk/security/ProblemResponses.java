package dev.triagedesk.security;

import dev.triagedesk.system.ProblemDetailWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The staff API's answers when sign-in is missing or wrong (401) or the role does not allow it (403), as RFC 9457
 * problem details like every other API error. The challenge names Bearer only, so a browser never pops up a
 * password prompt and never caches Basic credentials that another site could ride on.
 */
final class ProblemResponses {

    private ProblemResponses() {
    }

    static AuthenticationEntryPoint unauthorized() {
        return (request, response, e) -> {
            String detail = e instanceof SignInThrottledException ? e.getMessage()
                    : "Sign in with HTTP Basic (user name and password) or a personal API token"
                            + " (Authorization: Bearer tdk_...)." + (e != null && e.getMessage() != null
                            && e.getMessage().startsWith("The API token") ? " " + e.getMessage() : "");
            response.setHeader("WWW-Authenticate", "Bearer realm=\"triage-desk\"");
            if (e instanceof SignInThrottledException t) {
                response.setHeader("Retry-After", Long.toString(Math.max(1, t.getWait().toSeconds())));
            }
            write(request, response, HttpStatus.UNAUTHORIZED,
                    e instanceof SignInThrottledException ? "Too many failed sign-ins" : "Sign-in required", detail);
        };
    }

    static AccessDeniedHandler forbidden() {
        return (request, response, e) -> write(request, response, HttpStatus.FORBIDDEN, "Not allowed",
                "Your account's role does not allow this.");
    }

    static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
                      String title, String detail) throws IOException {
        ProblemDetailWriter.write(ProblemDetailWriter.problem(status, title, detail, request.getRequestURI()), response);
    }

    /** Whether an authentication failure came from the throttle; used by the sign-in page. */
    static boolean throttled(AuthenticationException e) {
        return e instanceof SignInThrottledException;
    }
}
