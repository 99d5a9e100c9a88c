package dev.triagedesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import dev.triagedesk.support.TriageDeskTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every address a controller answers is either deliberately public or refused to anonymous callers: a new
 * controller outside the known prefixes fails here until someone decides which it is.
 */
@TriageDeskTest
class SecurityCoverageTests {

    private static final List<String> PUBLIC = List.of("/", "/report", "/report/", "/r/", "/api/reports", "/login",
            "/setup", "/error", "/v3/api-docs", "/v3/api-docs.yaml");
    /** The OpenAPI documents other than the report API's (the staff API's) and the interactive page are staff's. */
    private static final List<String> STAFF = List.of("/desk", "/admin/", "/account", "/api/tickets", "/api/incidents", "/v3/api-docs/",
            "/swagger-ui");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    MockMvc mvc;

    @Test
    void everyStaffAddressRefusesAnonymousCallersWhateverTheMethod() throws Exception {
        List<String> unclassified = new ArrayList<>();
        int staffChecked = 0;
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                boolean staff = STAFF.stream().anyMatch(pattern::startsWith);
                boolean open = PUBLIC.stream().anyMatch(p -> p.endsWith("/") && !p.equals("/")
                        ? pattern.startsWith(p) : pattern.equals(p) || pattern.startsWith(p + "/"));
                if (!staff && !open) {
                    unclassified.add(pattern);
                    continue;
                }
                if (!staff) {
                    continue;
                }
                String path = pattern.replaceAll("\\{[^}]+}", "TD-2026-000001");
                for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    int status = mvc.perform(request(HttpMethod.valueOf(m.name()), path))
                            .andReturn().getResponse().getStatus();
                    String location = mvc.perform(request(HttpMethod.valueOf(m.name()), path))
                            .andReturn().getResponse().getHeader("Location");
                    boolean refused = status == 401 || status == 403
                            || (status == 302 && location != null && location.endsWith("/login"));
                    assertThat(refused).as(m + " " + path + " answered " + status + " to an anonymous caller").isTrue();
                    staffChecked++;
                }
            }
        }
        assertThat(unclassified).as("controller paths that are neither listed as public nor under a staff prefix")
                .isEmpty();
        assertThat(staffChecked).isGreaterThan(10);
    }
}
