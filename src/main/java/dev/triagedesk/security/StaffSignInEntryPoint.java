package dev.triagedesk.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * Sends a visitor who is not signed in to the sign-in page; one whose session ran out
 * ({@code TRIAGE_SESSION_TIMEOUT} without a request) is told so there, instead of meeting a bare sign-in form in
 * the middle of their work. They come back to the page they asked for once signed in.
 */
class StaffSignInEntryPoint extends LoginUrlAuthenticationEntryPoint {

    static final String EXPIRED = "/login?expired";

    StaffSignInEntryPoint() {
        super("/login");
    }

    @Override
    protected String determineUrlToUseForThisRequest(HttpServletRequest request, HttpServletResponse response,
                                                     AuthenticationException exception) {
        boolean expired = request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
        return expired ? EXPIRED : super.determineUrlToUseForThisRequest(request, response, exception);
    }
}
