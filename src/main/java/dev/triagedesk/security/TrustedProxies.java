package dev.triagedesk.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Which reverse proxies are believed about the client ({@code triage.trusted-proxies}, {@code TRIAGE_TRUSTED_PROXIES}):
 * IP addresses or CIDR ranges, separated by commas or spaces. When set, Tomcat's remote-IP valve is switched on
 * ({@code server.forward-headers-strategy=native}) and trusts exactly these peers
 * ({@code server.tomcat.remoteip.internal-proxies}): from them, {@code X-Forwarded-For} gives the client's address
 * (which the {@link SignInThrottle} counts by) and {@code X-Forwarded-Proto}, {@code -Host} and {@code -Port} the
 * address the client used. From any other peer, and from everyone when the setting is empty (the default, for a
 * service reached directly), these headers are ignored: application.properties sets the valve's list empty, so
 * Spring Boot's default (every private and loopback address) never applies, even where Boot switches the valve on
 * by itself (Kubernetes, Cloud Foundry).
 */
class TrustedProxies implements EnvironmentPostProcessor {

    static final String PROPERTY = "triage.trusted-proxies";

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String configured = environment.getProperty(PROPERTY);
        if (configured == null || configured.isBlank()) {
            return;
        }
        Map<String, Object> valve = new LinkedHashMap<>();
        valve.put("server.forward-headers-strategy", "native");
        valve.put("server.tomcat.remoteip.internal-proxies", cidrList(configured));
        environment.getPropertySources().addFirst(new MapPropertySource("triage-trusted-proxies", valve));
    }

    /**
     * The setting as Tomcat's CIDR list: a lone address becomes a range of one ({@code /32}, {@code /128}). Anything
     * but IP addresses and ranges (a host name, a regular expression) stops the start-up with its reason.
     */
    static String cidrList(String configured) {
        List<String> ranges = new ArrayList<>();
        for (String entry : configured.split("[,\\s]+")) {
            String e = entry.trim();
            if (e.isEmpty()) {
                continue;
            }
            int slash = e.indexOf('/');
            String address = slash < 0 ? e : e.substring(0, slash);
            boolean v4 = IPV4.matcher(address).matches();
            if (!v4 && !IPV6.matcher(address).matches()) {
                throw new IllegalArgumentException(PROPERTY + " (TRIAGE_TRUSTED_PROXIES): \"" + e + "\" is not an IP"
                        + " address or a CIDR range such as 10.0.0.5 or 172.18.0.0/16");
            }
            if (slash >= 0) {
                String bits = e.substring(slash + 1);
                int max = v4 ? 32 : 128;
                if (!bits.matches("\\d{1,3}") || Integer.parseInt(bits) > max) {
                    throw new IllegalArgumentException(PROPERTY + " (TRIAGE_TRUSTED_PROXIES): \"" + e + "\" has no"
                            + " prefix length of 0 to " + max + " after the /");
                }
                ranges.add(e);
            } else {
                ranges.add(e + (v4 ? "/32" : "/128"));
            }
        }
        if (ranges.isEmpty()) {
            throw new IllegalArgumentException(PROPERTY + " (TRIAGE_TRUSTED_PROXIES) names no address");
        }
        return String.join(", ", ranges);
    }
}
