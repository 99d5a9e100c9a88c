package dev.triagedesk.system.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /error} is where the server shows an error that happened elsewhere; asked for directly it has none to
 * show, and Spring Boot's error page would answer 500 with a made-up status 999. Asked for directly, it is an
 * address with nothing at it: 404, on the friendly page (or as JSON), like any other such address. The error
 * pages themselves are reached by an error dispatch, which this filter lets through.
 */
@Component
class ErrorPathNotFound extends OncePerRequestFilter {

    private final String errorPath;

    ErrorPathNotFound(@Value("${server.error.path:/error}") String errorPath) {
        this.errorPath = errorPath;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        String path = context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
        return !path.equals(errorPath) && !path.startsWith(errorPath + "/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
}
