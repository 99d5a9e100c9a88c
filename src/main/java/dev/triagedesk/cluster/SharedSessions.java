package dev.triagedesk.cluster;

import dev.triagedesk.evidence.redact.RedactionKey;
import jakarta.servlet.DispatcherType;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.ConversionService;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Browser sessions in the database ({@code spring_session}, migration V51) when several instances share it
 * ({@code triage.cluster=true}): a staff member signed in through one instance stays signed in on the next, and the
 * report form's pending answers and one-time messages follow the reporter whichever instance the balancer picks.
 * One instance keeps Tomcat's in-memory sessions, as before. What goes into a session is serialized, so it must be
 * {@link java.io.Serializable} (the signed-in principal, the form's pending answers, flash attributes).
 * <p>
 * The cookie keeps the name, flags and lifetime the {@code server.servlet.session.*} settings give the in-memory
 * session, so nothing a browser or the sign-out sees changes. Attributes are sealed before they reach the table
 * ({@link SealedSessionAttributes}). Expired sessions are deleted by Spring Session's own clean-up (every minute, on
 * each instance: a DELETE of expired rows, harmless when two run it).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "triage.cluster", havingValue = "true")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableJdbcHttpSession
class SharedSessions {

    static final String COOKIE = "JSESSIONID";

    /** Picked up by name by Spring Session JDBC for writing and reading attributes. */
    @Bean
    ConversionService springSessionConversionService(RedactionKey redactionKey) {
        return new SealedSessionAttributes(redactionKey.derive("triage-desk session attributes v1"),
                SharedSessions.class.getClassLoader()).conversionService();
    }

    /** Sessions end after the same time without a request as in memory. */
    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionTimeout(
            @Value("${server.servlet.session.timeout:30m}") Duration timeout) {
        return repository -> repository.setDefaultMaxInactiveInterval(timeout);
    }

    @Bean
    CookieSerializer sessionCookie(@Value("${server.servlet.session.cookie.secure:false}") boolean secure,
                                   @Value("${server.servlet.session.cookie.same-site:lax}") String sameSite) {
        DefaultCookieSerializer cookie = new DefaultCookieSerializer();
        cookie.setCookieName(COOKIE);
        cookie.setUseHttpOnlyCookie(true);
        cookie.setUseSecureCookie(secure);
        cookie.setSameSite(sameSite.isBlank() ? null : Character.toUpperCase(sameSite.charAt(0))
                + sameSite.substring(1).toLowerCase(java.util.Locale.ROOT));
        return cookie;
    }

    /**
     * Before Spring Security's filter and on error and async dispatches too: an error page shown to a signed-in
     * member sees the same session as the request that failed.
     */
    @Bean
    FilterRegistrationBean<SessionRepositoryFilter<?>> sessionFilterRegistration(SessionRepositoryFilter<?> filter) {
        FilterRegistrationBean<SessionRepositoryFilter<?>> registration = new FilterRegistrationBean<>(filter);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER);
        return registration;
    }
}
