package dev.triagedesk.system.web;

import jakarta.servlet.SessionTrackingMode;
import java.util.Set;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.stereotype.Component;

/**
 * Sessions (which carry only flash messages from a POST to the page after it) are tracked by cookie alone. With
 * Tomcat's default URL tracking too, the first redirect of a visit would append {@code ;jsessionid=...} to the
 * reporter's private link, and that address is meant to be copied and kept. Same effect as
 * {@code server.servlet.session.tracking-modes=cookie}.
 */
@Component
class SessionCookieOnly implements ServletContextInitializer {

    @Override
    public void onStartup(jakarta.servlet.ServletContext servletContext) {
        servletContext.setSessionTrackingModes(Set.of(SessionTrackingMode.COOKIE));
    }
}
