package dev.triagedesk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.triagedesk.staff.Role;
import dev.triagedesk.staff.StaffService;
import dev.triagedesk.support.StaffSessions;
import dev.triagedesk.support.TriageDeskTest;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The OpenAPI 3.1 description of the JSON API, read as client generators and API tools read it (swagger-parser):
 * it is valid, every {@code /api/**} mapping is in it, the multipart parts, the problem-details errors and the two
 * sign-ins are declared, and the staff part and the interactive page are for signed-in staff only.
 */
@TriageDeskTest
class OpenApiDescriptionTests {

    static final String PASSWORD = "correct horse battery staple";

    @Autowired
    MockMvc mvc;
    @Autowired
    StaffService staff;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    MockHttpSession signedIn;

    @BeforeEach
    void signIn() throws Exception {
        String username = "docs-" + UUID.randomUUID().toString().substring(0, 8);
        staff.create(username, "Docs Reader", PASSWORD, Role.AGENT);
        signedIn = StaffSessions.signIn(mvc, username, PASSWORD);
    }

    @Test
    void theReportApiIsDescribedForAnyoneAsValidOpenApi31() throws Exception {
        OpenAPI api = parse(fetch("/v3/api-docs", null));
        assertThat(api.getOpenapi()).startsWith("3.1");
        assertThat(api.getPaths()).containsOnlyKeys("/api/reports", "/api/reports/{token}/evidence");
    }

    @Test
    void theStaffApiAndTheInteractivePageAreForSignedInStaffOnly() throws Exception {
        for (String path : List.of("/v3/api-docs/staff", "/v3/api-docs/staff.yaml", "/swagger-ui.html",
                "/swagger-ui/index.html", "/v3/api-docs/swagger-config")) {
            MockHttpServletResponse anonymous = mvc.perform(get(path)).andReturn().getResponse();
            assertThat(anonymous.getStatus()).as(path).isEqualTo(302);
            assertThat(anonymous.getRedirectedUrl()).as(path).endsWith("/login");
        }
        OpenAPI api = parse(fetch("/v3/api-docs/staff", signedIn));
        assertThat(api.getPaths()).isNotEmpty().allSatisfy((path, item) -> assertThat(path).matches("/api/(tickets|incidents).*"));
        MockHttpServletResponse page = mvc.perform(get("/swagger-ui/index.html").session(signedIn)).andReturn()
                .getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        // its script adds a <style> element: inline styles are allowed on that page alone, scripts nowhere
        assertThat(page.getHeader("Content-Security-Policy")).contains("style-src 'self' 'unsafe-inline';")
                .contains("script-src 'self';");
        assertThat(mvc.perform(get("/desk").session(signedIn)).andReturn().getResponse()
                .getHeader("Content-Security-Policy")).contains("style-src 'self';").doesNotContain("unsafe-inline");
    }

    @Test
    void everyApiMappingIsDescribed() throws Exception {
        OpenAPI reports = parse(fetch("/v3/api-docs", null));
        OpenAPI staffApi = parse(fetch("/v3/api-docs/staff", signedIn));
        List<String> missing = new ArrayList<>();
        int described = 0;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> m : mappings.getHandlerMethods().entrySet()) {
            // the fallbacks that answer a wrong method or content type are described as those answers (405, 415)
            // of the operations at the same path, not as operations of their own
            boolean fallback = m.getValue().hasMethodAnnotation(Hidden.class);
            for (String pattern : m.getKey().getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                OpenAPI doc = pattern.startsWith("/api/tickets") || pattern.startsWith("/api/incidents") ? staffApi
                        : reports;
                PathItem item = doc.getPaths().get(pattern);
                if (item == null) {
                    missing.add(pattern);
                    continue;
                }
                Set<RequestMethod> methods = m.getKey().getMethodsCondition().getMethods();
                for (RequestMethod method : methods) {
                    Operation op = item.readOperationsMap().get(PathItem.HttpMethod.valueOf(method.name()));
                    if (fallback) {
                        assertThat(item.readOperations()).as(pattern).allSatisfy(o -> assertThat(o.getResponses())
                                .containsKey(method == RequestMethod.POST ? "415" : "405"));
                    } else if (op == null) {
                        missing.add(method + " " + pattern);
                    } else {
                        described++;
                    }
                }
            }
        }
        assertThat(missing).as("/api/** mappings missing from the OpenAPI description").isEmpty();
        assertThat(described).isGreaterThanOrEqualTo(9);
    }

    @Test
    void theMultipartPartsAreDescribed() throws Exception {
        OpenAPI api = parse(fetch("/v3/api-docs", null));
        MediaType report = api.getPaths().get("/api/reports").getPost().getRequestBody().getContent()
                .get("multipart/form-data");
        Schema<?> parts = resolve(api, report.getSchema());
        assertThat(parts.getProperties()).containsKeys("report", "har", "console", "screenshot");
        assertThat(parts.getRequired()).containsExactly("report");
        assertThat(report.getEncoding().get("report").getContentType()).isEqualTo("application/json");
        Schema<?> answers = resolve(api, parts.getProperties().get("report"));
        assertThat(answers.getProperties()).containsKeys("product", "seenMessage", "checks", "api", "conversationUrl");
        // the API path's answers, the client and how the calls are made among them
        Schema<?> apiAnswers = resolve(api, answers.getProperties().get("api"));
        assertThat(apiAnswers.getProperties()).containsKeys("model", "endpoint", "sdk", "callMode", "orgId", "projectId",
                "failingPercent", "retriedWithBackoff", "backoffHelped", "requestIds");
        assertThat(resolve(api, apiAnswers.getProperties().get("callMode")).getEnum())
                .extracting(String::valueOf).containsExactly("PLAIN", "STREAMING", "BATCH");
        Schema<?> har = parts.getProperties().get("har");
        assertThat(har.getItems().getFormat()).isEqualTo("binary");

        Schema<?> evidence = resolve(api, api.getPaths().get("/api/reports/{token}/evidence").getPost().getRequestBody()
                .getContent().get("multipart/form-data").getSchema());
        assertThat(evidence.getProperties()).containsKeys("har", "console", "screenshot", "consoleText", "conversationUrl");
    }

    @Test
    void errorsAreProblemDetailsAndTheStaffApiDeclaresBothSignIns() throws Exception {
        OpenAPI reports = parse(fetch("/v3/api-docs", null));
        OpenAPI staffApi = parse(fetch("/v3/api-docs/staff", signedIn));
        for (OpenAPI api : List.of(reports, staffApi)) {
            assertThat(resolve(api, new Schema<>().$ref("#/components/schemas/Problem")).getProperties())
                    .containsKeys("type", "title", "status", "detail", "instance", "errors");
            api.getPaths().forEach((path, item) -> item.readOperations().forEach(op -> {
                assertThat(op.getResponses()).as(path).containsKeys("400", "500");
                op.getResponses().forEach((status, answer) -> {
                    if (status.startsWith("4") || status.startsWith("5")) {
                        assertProblem(path + " " + status, answer);
                    }
                });
            }));
        }
        assertThat(staffApi.getComponents().getSecuritySchemes()).containsKeys("basicAuth", "personalToken");
        assertThat(staffApi.getComponents().getSecuritySchemes().get("basicAuth").getScheme()).isEqualTo("basic");
        assertThat(staffApi.getComponents().getSecuritySchemes().get("personalToken").getScheme()).isEqualTo("bearer");
        staffApi.getPaths().forEach((path, item) -> item.readOperations().forEach(op -> {
            assertThat(op.getSecurity()).as(path).extracting(SecurityRequirement::keySet)
                    .containsExactlyInAnyOrder(Set.of("basicAuth"), Set.of("personalToken"));
            assertThat(op.getResponses()).as(path).containsKey("401");
        }));
        reports.getPaths().forEach((path, item) -> item.readOperations()
                .forEach(op -> assertThat(op.getSecurity()).as(path).isNullOrEmpty()));
    }

    private static void assertProblem(String what, ApiResponse answer) {
        assertThat(answer.getContent()).as(what).containsOnlyKeys("application/problem+json");
        assertThat(answer.getContent().get("application/problem+json").getSchema().get$ref()).as(what)
                .isEqualTo("#/components/schemas/Problem");
    }

    private String fetch(String path, MockHttpSession session) throws Exception {
        var request = get(path);
        if (session != null) {
            request.session(session);
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString();
    }

    /** The description as swagger-parser reads it; any message it has about the document fails the test. */
    private static OpenAPI parse(String json) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(json, null, options);
        assertThat(result.getMessages()).as("swagger-parser's messages").isEmpty();
        assertThat(result.getOpenAPI()).isNotNull();
        return result.getOpenAPI();
    }

    private static Schema<?> resolve(OpenAPI api, Schema<?> schema) {
        if (schema.get$ref() == null) {
            return schema;
        }
        String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
        Schema<?> found = api.getComponents().getSchemas().get(name);
        assertThat(found).as(schema.get$ref()).isNotNull();
        return found;
    }
}
