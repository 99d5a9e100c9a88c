package dev.triagedesk.security;

import dev.triagedesk.staff.StaffService;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.core.env.Environment;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach what. Three chains:
 * <ul>
 * <li>the Actuator's endpoints ({@code /actuator/**}): the balancer's probes ({@code health/liveness},
 * {@code health/readiness}, {@code health}, answering UP or OUT_OF_SERVICE without details) for anyone; the rest
 * ({@code prometheus}) for administrators by HTTP Basic or API token, or for anyone who reaches the separate
 * management port when {@code management.server.port} is set (a port only the internal network can reach);</li>
 * <li>the staff API ({@code /api/tickets/**}, {@code /api/incidents/**}): stateless, HTTP Basic or a personal API token, answers in problem
 * details; no CSRF token because no cookie is ever used to sign in there;</li>
 * <li>everything else: the report form, reporter links and the report API are public; the staff workspace
 * ({@code /desk/**}, {@code /account/**}) needs a signed-in staff member and {@code /admin/**} an admin; the
 * report API's OpenAPI description is public, the staff API's and its interactive page are for staff. Form
 * sign-in with a session that expires ({@code server.servlet.session.timeout}) and ends at once when its account
 * is disabled or given a new password ({@link SignedInAccountCheck}), CSRF tokens on every form.</li>
 * </ul>
 * Both sign in through the same throttled password check.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    /**
     * Content Security Policy: no inline script or style, nothing from other sites. Uploaded HAR and console text
     * is always escaped when shown; this is the second wall should an escape ever be missed.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    /**
     * The API's interactive page only (swagger-ui, for signed-in staff, showing nothing but our own OpenAPI
     * description): its script adds a {@code <style>} element, so styles may be inline there. Scripts stay as strict
     * as everywhere else.
     */
    static final String API_PAGE_POLICY = CONTENT_SECURITY_POLICY.replace("style-src 'self';",
            "style-src 'self' 'unsafe-inline';");
    private static final RequestMatcher API_PAGE = PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**");

    @Bean
    AuthenticationManager authenticationManager(StaffUserDetailsService users, PasswordEncoder passwords,
                                                SignInThrottle throttle, StaffService staff) {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
        dao.setPasswordEncoder(passwords);
        return new ProviderManager(new ThrottledAuthenticationProvider(dao, throttle,
                name -> staff.byUsername(name).isPresent()));
    }

    @Bean
    @Order(0)
    SecurityFilterChain operations(HttpSecurity http, AuthenticationManager authentication, StaffService staff,
                                   Environment environment) throws Exception {
        var unauthorized = ProblemResponses.unauthorized();
        boolean ownPort = ManagementPortType.get(environment) == ManagementPortType.DIFFERENT;
        http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .authenticationManager(authentication)
                .authorizeHttpRequests(a -> {
                    a.requestMatchers(EndpointRequest.to("health")).permitAll();
                    if (ownPort) {
                        a.anyRequest().permitAll();
                    } else {
                        a.anyRequest().hasRole("ADMIN");
                    }
                })
                .httpBasic(b -> b.authenticationEntryPoint(unauthorized))
                .addFilterBefore(new ApiTokenAuthenticationFilter(staff, unauthorized), BasicAuthenticationFilter.class)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // read-only endpoints (no shutdown, no loggers change), reached by scrapers and balancers, never forms
                .csrf(c -> c.disable())
                .requestCache(c -> c.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(ProblemResponses.forbidden()));
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain staffApi(HttpSecurity http, AuthenticationManager authentication, StaffService staff) throws Exception {
        var unauthorized = ProblemResponses.unauthorized();
        http.securityMatcher("/api/tickets", "/api/tickets/**", "/api/incidents", "/api/incidents/**")
                .authenticationManager(authentication)
                // erasing on a reporter's request is for administrators (ErasureTests checks an agent is refused)
                .authorizeHttpRequests(a -> a.requestMatchers(HttpMethod.DELETE, "/api/tickets/**").hasRole("ADMIN")
                        .anyRequest().hasRole("AGENT"))
                .httpBasic(b -> b.authenticationEntryPoint(unauthorized))
                .addFilterBefore(new ApiTokenAuthenticationFilter(staff, unauthorized), BasicAuthenticationFilter.class)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .requestCache(c -> c.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(ProblemResponses.forbidden()));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, AuthenticationManager authentication, StaffService staff) throws Exception {
        http.authenticationManager(authentication)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/", "/report", "/report/**", "/r/**", "/api/reports", "/api/reports/**",
                                "/css/**", "/js/**", "/img/**", "/schema/**", "/favicon.ico", "/favicon.svg", "/error",
                                "/login", "/setup").permitAll()
                        // the report API's OpenAPI description is public; the staff API's and the interactive
                        // page are for staff (OpenApiConfiguration)
                        .requestMatchers("/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/reports",
                                "/v3/api-docs/reports.yaml").permitAll()
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").hasRole("AGENT")
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .requestMatchers("/desk", "/desk/**", "/account", "/account/**").hasRole("AGENT")
                        // Anything else is public, so a mistyped address gets the friendly 404 page; every
                        // controller path must fall under one of the lists above (SecurityCoverageTests checks).
                        .anyRequest().permitAll())
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/desk", false)
                        .failureHandler(signInFailed()).permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut").deleteCookies("JSESSIONID"))
                // The token lives in a cookie rather than the session: a reporter who spends an hour on the
                // form does not lose it to an expired session. The report API is for scripts and authorised by
                // the report's own token, never by a cookie, so it needs none.
                .csrf(c -> c.csrfTokenRepository(new CookieCsrfTokenRepository())
                        .ignoringRequestMatchers("/api/reports", "/api/reports/**"))
                .addFilterBefore(new MultipartCsrfParameterFilter(), CsrfFilter.class)
                .addFilterAfter(new CsrfCookieFirst(), CsrfFilter.class)
                .addFilterAfter(new SignedInAccountCheck(staff), SecurityContextHolderFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(new StaffSignInEntryPoint()).accessDeniedHandler((request, response, denied) -> {
                    if (denied instanceof CsrfException) {
                        request.setAttribute("triage.csrfRejected", true);
                    }
                    response.sendError(HttpServletResponse.SC_FORBIDDEN);
                }))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .headers(h -> h.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(API_PAGE,
                                new StaticHeadersWriter("Content-Security-Policy", API_PAGE_POLICY)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(API_PAGE),
                                new StaticHeadersWriter("Content-Security-Policy", CONTENT_SECURITY_POLICY)))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    private static AuthenticationFailureHandler signInFailed() {
        return (request, response, e) -> {
            String reason = ProblemResponses.throttled(e) ? "throttled&wait="
                    + Math.max(1, ((SignInThrottledException) e).getWait().toSeconds()) : "error";
            response.sendRedirect(request.getContextPath() + "/login?" + reason);
        };
    }
}
