package dev.triagedesk.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets the CSRF check of an upload read its token from the address ({@code ?_csrf=...}, which upload forms carry)
 * without touching the body. Asking Tomcat 11 for any parameter of a multipart request parses the whole body,
 * and when that body is over the size limit the request fails right there, inside the security filters, with a
 * bare 413: the reporter would lose the friendly "upload too large" page. Reading the address only leaves the
 * body to Spring MVC, whose multipart handling turns the oversize into that page.
 */
class MultipartCsrfParameterFilter extends OncePerRequestFilter {

    static final String PARAMETER = "_csrf";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        if (type == null || !type.regionMatches(true, 0, "multipart/", 0, 10)) {
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public String getParameter(String name) {
                if (PARAMETER.equals(name)) {
                    String token = fromQuery(getQueryString());
                    // a client that sends the token only in the body is still served, at the old risk
                    return token != null ? token : super.getParameter(name);
                }
                return super.getParameter(name);
            }
        }, response);
    }

    static String fromQuery(String query) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (PARAMETER.equals(URLDecoder.decode(key, StandardCharsets.UTF_8))) {
                return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
