package dev.triagedesk.api;

import dev.triagedesk.desk.IncidentBundles;
import dev.triagedesk.desk.LenientEnums;
import dev.triagedesk.export.TemporaryDownload;
import dev.triagedesk.evidence.TriagePath;
import dev.triagedesk.incident.Incident;
import dev.triagedesk.incident.IncidentException;
import dev.triagedesk.incident.IncidentDetail;
import dev.triagedesk.incident.IncidentOverview;
import dev.triagedesk.incident.IncidentReader;
import dev.triagedesk.incident.IncidentService;
import dev.triagedesk.security.StaffPrincipal;
import dev.triagedesk.staff.StaffService;
import dev.triagedesk.staff.StaffUser;
import dev.triagedesk.ticket.TicketStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The incidents in the staff API: the list, one incident with its tickets, its status, assignee and title (status
 * and assignee go to its open tickets, each change in their trails), merges and moves of tickets. Signed in as for
 * {@code /api/tickets}; errors are problem details.
 */
@RestController
@RequestMapping(path = "/api/incidents")
@Tag(name = "Incidents", description = "Reports of one problem grouped by their failure, for signed-in staff")
class IncidentApiController {

    /** One incident of the list. */
    record IncidentItem(String reference, String title, String status, int ticketCount, Instant firstFailureAt,
                        Instant lastFailureAt, String assignee, String product, String verdict, String href) {
    }

    record IncidentList(List<IncidentItem> items, int page, int size, long totalItems, int totalPages) {
    }

    @Schema(name = "IncidentChange", description = "status, assignee, title or several, applied together or not at all")
    record IncidentChange(
            @Schema(allowableValues = {"new", "triaging", "waiting_on_reporter", "escalated", "resolved", "closed"},
                    description = "goes to every open ticket of the incident too") String status,
            @Schema(description = "an enabled staff member's user name; null unassigns (the open tickets too)",
                    nullable = true) String assignee,
            @Schema(maxLength = 300) String title) {
    }

    @Schema(name = "IncidentMerge")
    record Merge(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "the incident to merge into")
                 String into) {
    }

    @Schema(name = "IncidentTicketAddition")
    record Addition(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "a ticket's reference")
                    String ticket) {
    }

    private final IncidentBundles bundles;
    private final IncidentReader reader;
    private final IncidentService incidents;
    private final StaffService staff;

    IncidentApiController(IncidentReader reader, IncidentService incidents, StaffService staff,
                          IncidentBundles bundles) {
        this.bundles = bundles;
        this.reader = reader;
        this.incidents = incidents;
        this.staff = staff;
    }

    @Operation(summary = "The incidents", description = "Not those merged into another; the latest failure first")
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    IncidentList list(@Parameter(description = "new, triaging, waiting_on_reporter, escalated, resolved or closed")
                      @RequestParam(required = false) String status,
                      @RequestParam(defaultValue = "0") int page,
                      @Parameter(description = "at most 200") @RequestParam(defaultValue = "50") int size) {
        TicketStatus only = null;
        if (status != null && !status.isBlank()) {
            try {
                only = LenientEnums.parse(TicketStatus.class, status);
            } catch (IllegalArgumentException e) {
                only = null;
            }
            if (only == null) {
                throw ApiProblem.invalidRequest(List.of(new ApiProblem.FieldError("status",
                        "\"" + status + "\" is not one of " + statuses())));
            }
        }
        if (page < 0 || size < 1 || size > 200) {
            throw ApiProblem.invalidRequest(List.of(new ApiProblem.FieldError(page < 0 ? "page" : "size",
                    page < 0 ? "a page is 0 or more" : "a size is 1 to 200")));
        }
        Page<Incident> result = reader.list(only, page, size);
        return new IncidentList(result.map(IncidentApiController::item).getContent(), result.getNumber(),
                result.getSize(), result.getTotalElements(), result.getTotalPages());
    }

    @Operation(summary = "One incident", description = "With its tickets and a sample of request IDs; an incident"
            + " merged into another answers with that one")
    @GetMapping(path = "/{reference}", produces = MediaType.APPLICATION_JSON_VALUE)
    IncidentDetail incident(@PathVariable String reference) {
        return detail(reference);
    }

    @Operation(summary = "Change the status, the assignee or the title",
            description = "Status and assignee go to every open ticket of the incident, each change in its trail",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content =
                    @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = IncidentChange.class))))
    @ApiResponse(responseCode = "200", description = "The incident as changed")
    @ApiResponse(responseCode = "409", description = "The incident was merged into another",
            content = @Content(mediaType = OpenApiConfiguration.PROBLEM_JSON,
                    schema = @Schema(ref = OpenApiConfiguration.PROBLEM_REF)))
    @PatchMapping(path = "/{reference}", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    IncidentDetail change(@PathVariable String reference, @Parameter(hidden = true) @RequestBody JsonNode body,
                          @AuthenticationPrincipal StaffPrincipal me) {
        if (body == null || !body.isObject()) {
            throw ApiProblem.invalidRequest(List.of(new ApiProblem.FieldError("body",
                    "send a JSON object with \"status\", \"assignee\" and/or \"title\"")));
        }
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        for (String name : body.propertyNames()) {
            if (!List.of("status", "assignee", "title").contains(name)) {
                errors.add(new ApiProblem.FieldError(name, "unknown field; status, assignee and title can be changed"));
            }
        }
        TicketStatus status = null;
        if (body.has("status")) {
            try {
                status = body.get("status").isString()
                        ? LenientEnums.parse(TicketStatus.class, body.get("status").asString()) : null;
            } catch (IllegalArgumentException e) {
                status = null;
            }
            if (status == null) {
                errors.add(new ApiProblem.FieldError("status", "a status is one of " + statuses()));
            }
        }
        boolean assign = body.has("assignee");
        Long assigneeId = null;
        if (assign && !body.get("assignee").isNull()) {
            String name = body.get("assignee").isString() ? body.get("assignee").asString() : "";
            StaffUser user = staff.byUsername(name).filter(StaffUser::isEnabled).orElse(null);
            if (user == null) {
                errors.add(new ApiProblem.FieldError("assignee", "no enabled staff member is called \"" + name + "\""));
            } else {
                assigneeId = user.getId();
            }
        }
        String title = null;
        if (body.has("title")) {
            title = body.get("title").isString() ? body.get("title").asString().strip() : "";
            if (title.isEmpty() || title.length() > 300) {
                errors.add(new ApiProblem.FieldError("title", "a title has 1 to 300 characters"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalidRequest(errors);
        }
        TicketStatus to = status;
        Long who = assigneeId;
        String named = title;
        act(() -> incidents.change(reference, new IncidentService.Change(to, assign, who, named), me.getUsername()));
        return detail(reference);
    }

    @Operation(summary = "Merge this incident into another",
            description = "Its tickets move to the other incident (each move in the ticket's trail); this reference"
                    + " then leads to the other one")
    @ApiResponse(responseCode = "200", description = "The incident merged into, with every ticket")
    @ApiResponse(responseCode = "409", description = "One of the incidents was already merged into another",
            content = @Content(mediaType = OpenApiConfiguration.PROBLEM_JSON,
                    schema = @Schema(ref = OpenApiConfiguration.PROBLEM_REF)))
    @PostMapping(path = "/{reference}/merge", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    IncidentDetail merge(@PathVariable String reference, @RequestBody Merge merge,
                         @AuthenticationPrincipal StaffPrincipal me) {
        if (merge == null || merge.into() == null || merge.into().isBlank()) {
            throw ApiProblem.invalidRequest(List.of(new ApiProblem.FieldError("into",
                    "the reference of the incident to merge into")));
        }
        Incident[] into = new Incident[1];
        act(() -> into[0] = incidents.merge(reference, merge.into(), me.getUsername()));
        return detail(into[0].getReference());
    }

    @Operation(summary = "Add a ticket by hand", description = "Out of the incident it was in, if any; grouping then"
            + " leaves it here. Recorded in the ticket's trail")
    @ApiResponse(responseCode = "200", description = "The incident with the ticket")
    @PostMapping(path = "/{reference}/tickets", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    IncidentDetail add(@PathVariable String reference, @RequestBody Addition addition,
                       @AuthenticationPrincipal StaffPrincipal me) {
        if (addition == null || addition.ticket() == null || addition.ticket().isBlank()) {
            throw ApiProblem.invalidRequest(List.of(new ApiProblem.FieldError("ticket", "a ticket's reference")));
        }
        act(() -> incidents.add(reference, addition.ticket(), me.getUsername()));
        return detail(reference);
    }

    @Operation(summary = "Move a ticket out", description = "For good: grouping no longer moves it. Recorded in the"
            + " ticket's trail")
    @ApiResponse(responseCode = "200", description = "The incident without the ticket")
    @DeleteMapping(path = "/{reference}/tickets/{ticket}", produces = MediaType.APPLICATION_JSON_VALUE)
    IncidentDetail moveOut(@PathVariable String reference, @PathVariable String ticket,
                           @AuthenticationPrincipal StaffPrincipal me) {
        act(() -> incidents.moveOut(reference, ticket, me.getUsername()));
        return detail(reference);
    }

    /** Request IDs in an export: every one, up to this many. */
    static final int EXPORTED_REQUEST_IDS = 10_000;

    @Operation(summary = "The incident for the vendor's support", description = "markdown (what failed, when, how"
            + " many reporters, the error code, every request ID with its time and status) or json (the incident as"
            + " GET answers it, with every request ID) or zip (both, and one HAR per ticket with its failing requests"
            + " only)")
    @ApiResponse(responseCode = "200", description = "The export", content = {
            @Content(mediaType = "application/zip", schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "text/markdown", schema = @Schema(type = "string")),
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = IncidentDetail.class))})
    @GetMapping(path = "/{reference}/export/{format}")
    org.springframework.http.ResponseEntity<?> export(@PathVariable String reference, @PathVariable String format,
                                                      @AuthenticationPrincipal StaffPrincipal me) throws IOException {
        if (format.equalsIgnoreCase("zip")) {
            IncidentBundles.Zip zip = bundles.zip(reference, me.getUsername()).orElseThrow(() -> noIncident(reference));
            return TemporaryDownload.of(zip.file(), MediaType.parseMediaType("application/zip"), zip.fileName());
        }
        IncidentOverview o = reader.overview(reference).orElseThrow(() -> noIncident(reference));
        List<IncidentOverview.RequestSample> all = reader.requestIds(o.ticketIds(), EXPORTED_REQUEST_IDS);
        String name = "incident-" + o.incident().getReference();
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "markdown", "md" -> org.springframework.http.ResponseEntity.ok()
                    .contentType(new MediaType("text", "markdown", java.nio.charset.StandardCharsets.UTF_8))
                    .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                            org.springframework.http.ContentDisposition.attachment().filename(name + ".md").build()
                                    .toString())
                    .body(dev.triagedesk.incident.IncidentNote.markdown(o, all));
            case "json" -> org.springframework.http.ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                    .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                            org.springframework.http.ContentDisposition.attachment().filename(name + ".json").build()
                                    .toString())
                    .body(detail(o, all));
            default -> throw ApiProblem.invalidRequest(List.of(new ApiProblem.FieldError("format",
                    "\"" + format + "\" is not one of markdown, json, zip")));
        };
    }

    /** The same exports with the format as a parameter: {@code ?format=zip}. */
    @Operation(summary = "The incident for the vendor's support, the format as a parameter", description = "as"
            + " /export/{format}; zip: the Markdown, the JSON and one HAR per ticket with its failing requests only")
    @ApiResponse(responseCode = "200", description = "The export", content = {
            @Content(mediaType = "application/zip", schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "text/markdown", schema = @Schema(type = "string")),
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = IncidentDetail.class))})
    @GetMapping(path = "/{reference}/export")
    org.springframework.http.ResponseEntity<?> exportAs(@PathVariable String reference,
                                                        @Parameter(schema = @Schema(allowableValues = {"markdown",
                                                                "json", "zip"})) @RequestParam String format,
                                                        @AuthenticationPrincipal StaffPrincipal me) throws IOException {
        return export(reference, format, me);
    }

    private IncidentDetail detail(String reference) {
        IncidentOverview o = reader.overview(reference).orElseThrow(() -> noIncident(reference));
        return detail(o, o.requestIds());
    }

    private static IncidentDetail detail(IncidentOverview o, List<IncidentOverview.RequestSample> requestIds) {
        return IncidentDetail.of(o, requestIds);
    }

    private static IncidentItem item(Incident i) {
        return new IncidentItem(i.getReference(), i.getTitle(), lower(i.getStatus()), i.getTicketCount(),
                i.getFirstFailureAt(), i.getLastFailureAt(), i.getAssignee() == null ? null : i.getAssignee().getUsername(),
                lower(i.getProduct()), verdict(i.getVerdictPath()), "/api/incidents/" + i.getReference());
    }

    /** Runs a staff action; what it cannot do becomes the problem detail saying so. */
    private static void act(Runnable action) {
        try {
            action.run();
        } catch (IncidentException e) {
            throw switch (e.kind()) {
                case NOT_FOUND -> ApiProblem.notFound(e.getMessage() + ".");
                case CONFLICT -> new ApiProblem(409, "Conflict", e.getMessage() + ".");
                case INVALID -> ApiProblem.invalidRequest(List.of(new ApiProblem.FieldError("body", e.getMessage())));
            };
        }
    }

    private static ApiProblem noIncident(String reference) {
        return ApiProblem.notFound("There is no incident " + reference + ".");
    }

    private static String verdict(TriagePath p) {
        return p == null ? null : p.id();
    }

    private static String statuses() {
        return String.join(", ", java.util.Arrays.stream(TicketStatus.values())
                .map(s -> s.name().toLowerCase(Locale.ROOT)).toList());
    }

    private static String lower(Enum<?> e) {
        return e == null ? null : e.name().toLowerCase(Locale.ROOT);
    }
}
