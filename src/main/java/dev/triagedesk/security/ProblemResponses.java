package dev.triagedesk.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * The staff API's answers when sign-in is missing or wrong (401) or the role does not allow it (403), as RFC 9457
 * problem details like every other API error. The challenge names Bearer only, so a browser never pops up a
 * password prompt and never caches Basic credentials that another site could ride on.
 */
final class ProblemResponses {

    private static final JsonMapper JSON = JsonMapper.builder().build();

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
        // The same members Spring MVC writes for a ProblemDetail; written here because the filter chain
        // answers before MVC's message converters (and their ProblemDetail mix-in) are involved.
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", "about:blank");
        p.put("title", title);
        p.put("status", status.value());
        p.put("detail", detail);
        p.put("instance", request.getRequestURI());
        response.setStatus(status.value());
        response.setCharacterEncoding("UTF-8");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JSON.writeValue(response.getOutputStream(), p);
    }

    /** Whether an authentication failure came from the throttle; used by the sign-in page. */
    static boolean throttled(AuthenticationException e) {
        return e instanceof SignInThrottledException;
    }
}
