package dev.triagedesk.security;

import dev.triagedesk.staff.StaffService;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A browser session ends as soon as its account changes under it: disabled by an administrator, made an agent or
 * an administrator (its rights were those of its old role), or given a new password (reset by an administrator, or
 * changed on another device). Without this, a disabled agent would keep
 * working until their session timed out. Checked on every request of a signed-in staff member, against the
 * account as stored; the staff API needs no such check, since it signs every request in afresh.
 */
class SignedInAccountCheck extends OncePerRequestFilter {

    static final String ENDED = "/login?ended";

    private final StaffService staff;

    SignedInAccountCheck(StaffService staff) {
        this.staff = staff;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (signedIn != null && signedIn.getPrincipal() instanceof StaffPrincipal me
                && !staff.byId(me.getStaffId()).map(me::stillValidFor).orElse(false)) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
            if (staffPage(request)) {
                response.sendRedirect(request.getContextPath() + ENDED);
                return;
            }
            // a public page (the report form) simply goes on without the ended sign-in
        }
        chain.doFilter(request, response);
    }

    private static boolean staffPage(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (String prefix : new String[] {"/desk", "/account", "/admin"}) {
            if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                return true;
            }
        }
        return false;
    }
}
