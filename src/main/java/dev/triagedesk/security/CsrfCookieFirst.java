package dev.triagedesk.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes the CSRF token (and so its cookie) before the page is written. The token is made when a template first
 * asks for it, and the cookie that carries it is a response header: on a long page whose form comes late (a
 * reporter's page with a long summary, opened on a browser that has no cookie yet), the first part of the page has
 * already been sent by then, the cookie is lost, and the form's upload is refused as a forgery. Asking for the
 * token before anything is written puts the cookie in the headers every time.
 */
class CsrfCookieFirst extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
            token.getToken();
        }
        chain.doFilter(request, response);
    }
}
