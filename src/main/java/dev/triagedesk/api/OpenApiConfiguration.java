package dev.triagedesk.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.filters.OpenApiMethodFilter;
import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI 3.1 description of the JSON API, served by springdoc: {@code /v3/api-docs} describes the public
 * report API ({@code /api/reports/**}) for anyone, {@code /v3/api-docs/staff} the staff API ({@code /api/tickets/**})
 * for signed-in staff only, as does the interactive page ({@code /swagger-ui.html}; see the security
 * configuration). The controllers read their multipart parts themselves, so the parts, the problem-details error
 * bodies and the two ways to sign in are declared here and in the controllers' annotations.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String STAFF_GROUP = "staff";
    static final String STAFF_PATH = "/api/tickets";
    static final String INCIDENTS_PATH = "/api/incidents";
    static final String REPORT_PATH = "/api/reports";
    static final String BASIC = "basicAuth";
    static final String TOKEN = "personalToken";
    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";
    static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;

    @Bean
    OpenAPI triageDeskOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Triage Desk API").version("1")
                        .description("""
                                Reports in (`POST /api/reports`, multipart) and evidence added later with the token of \
                                the reporter's private link; for signed-in staff, the queue, tickets, their workflow, \
                                notes and exports. Every error is an RFC 9457 problem detail \
                                (`application/problem+json`); a request with several wrong fields names each one in \
                                `errors`."""))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("A staff member's user name and password (the same sign-in as the pages,"
                                        + " with the same throttle)"))
                        .addSecuritySchemes(TOKEN, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("tdk_…")
                                .description("A personal API token made on the account page:"
                                        + " `Authorization: Bearer tdk_…`")));
    }

    /** The staff API's own document, {@code /v3/api-docs/staff}, for signed-in staff only. */
    @Bean
    GroupedOpenApi staffApiDocument() {
        return GroupedOpenApi.builder().group(STAFF_GROUP).displayName("Staff API")
                .pathsToMatch(STAFF_PATH, STAFF_PATH + "/**", INCIDENTS_PATH, INCIDENTS_PATH + "/**").build();
    }

    /** The report API as a group too, so the interactive page lists it beside the staff API. */
    @Bean
    GroupedOpenApi reportApiDocument() {
        return GroupedOpenApi.builder().group("reports").displayName("Report API")
                .pathsToMatch(REPORT_PATH, REPORT_PATH + "/**").build();
    }

    /**
     * The public document, {@code /v3/api-docs}, holds the report API only. (A plain method filter applies to that
     * document alone; the groups have their own paths.)
     */
    @Bean
    OpenApiMethodFilter reportApiInThePublicDocument() {
        return method -> method.getDeclaringClass() == ReportApiController.class;
    }

    /**
     * What springdoc cannot see in the code, for every document (global, so the groups get it too): the sign-in
     * every staff operation needs, and the error answers of each API as problem details.
     */
    @Bean
    GlobalOpenApiCustomizer signInsAndProblems() {
        Map<String, ApiResponse> staffProblems = answers(
                "400", "Invalid request: each wrong field is named in errors",
                "401", "Not signed in: no, a wrong or a revoked password or token",
                "403", "Signed in, but the account may not do this",
                "404", "No such ticket",
                "405", "The address does not take this method (Allow says which it takes)",
                "406", "The address cannot answer in the media type asked for in Accept");
        Map<String, ApiResponse> reportProblems = answers(
                "400", "Invalid report: each wrong field is named in errors (nothing is stored then)",
                "405", "Reports are sent with POST (Allow: POST)",
                "413", "The request is larger than the upload limits",
                "415", "Not multipart/form-data");
        return api -> {
            // here rather than on the OpenAPI bean: springdoc drops the bean's schemas no operation refers to yet
            Components components = api.getComponents() == null ? new Components() : api.getComponents();
            api.components(components.addSchemas(PROBLEM, problemSchema()).addSchemas("FieldError", fieldErrorSchema()));
            if (api.getPaths() == null) {
                return;
            }
            api.getPaths().forEach((path, item) -> {
                boolean staff = path.equals(STAFF_PATH) || path.startsWith(STAFF_PATH + "/")
                        || path.equals(INCIDENTS_PATH) || path.startsWith(INCIDENTS_PATH + "/");
                for (Operation op : item.readOperations()) {
                    if (staff) {
                        op.security(List.of(new SecurityRequirement().addList(BASIC),
                                new SecurityRequirement().addList(TOKEN)));
                    }
                    Map<String, ApiResponse> problems = new java.util.LinkedHashMap<>(staff ? staffProblems : reportProblems);
                    if (staff && !path.contains("{reference}")) {
                        problems.remove("404");
                    }
                    addProblems(op, problems);
                }
            });
        };
    }

    /** Adds these error answers where the operation does not describe them; every error answer is a problem detail. */
    private static void addProblems(Operation op, Map<String, ApiResponse> answers) {
        ApiResponses responses = op.getResponses() == null ? new ApiResponses() : op.getResponses();
        answers.forEach(responses::putIfAbsent);
        responses.putIfAbsent("500", new ApiResponse().description("Something went wrong on the server's side"));
        // an error answer described in the code without a body would otherwise get the success body's type
        responses.replaceAll((status, answer) -> status.startsWith("4") || status.startsWith("5")
                ? problem(answer.getDescription()) : answer);
        op.setResponses(responses);
    }

    private static Map<String, ApiResponse> answers(String... statusAndDescription) {
        Map<String, ApiResponse> answers = new java.util.LinkedHashMap<>();
        for (int i = 0; i < statusAndDescription.length; i += 2) {
            answers.put(statusAndDescription[i], new ApiResponse().description(statusAndDescription[i + 1]));
        }
        return answers;
    }

    static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content()
                .addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref(PROBLEM_REF))));
    }

    private static Schema<?> fieldErrorSchema() {
        return new ObjectSchema()
                .description("A field of the request and what is wrong with it")
                .addProperty("field", new StringSchema().description("the field's path, such as report.checks.vpnOff"))
                .addProperty("message", new StringSchema());
    }

    /** RFC 9457, with the list of wrong fields this API adds. */
    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("An RFC 9457 problem detail")
                .addProperty("type", new StringSchema().format("uri-reference")._default("about:blank"))
                .addProperty("title", new StringSchema().description("what went wrong, the same for every"
                        + " occurrence of this problem"))
                .addProperty("status", new IntegerSchema().description("the HTTP status"))
                .addProperty("detail", new StringSchema().description("what went wrong with this request"))
                .addProperty("instance", new StringSchema().format("uri-reference")
                        .description("the path that was asked for"))
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/FieldError"))
                        .description("each field at fault, for a request with invalid fields"));
    }
}
