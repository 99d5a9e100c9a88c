package dev.triagedesk.api;

import dev.triagedesk.desk.DeskService;
import dev.triagedesk.desk.LenientEnums;
import dev.triagedesk.desk.TicketFilter;
import dev.triagedesk.desk.TicketNote;
import dev.triagedesk.desk.WorkflowChange;
import dev.triagedesk.evidence.TriagePath;
import dev.triagedesk.export.ExportFormat;
import dev.triagedesk.export.TemporaryDownload;
import dev.triagedesk.export.TicketExporter;
import dev.triagedesk.export.TicketPdf;
import dev.triagedesk.incident.Incident;
import dev.triagedesk.incident.IncidentService;
import dev.triagedesk.erasure.Erasure;
import dev.triagedesk.erasure.NothingToEraseException;
import dev.triagedesk.security.StaffPrincipal;
import dev.triagedesk.staff.StaffService;
import dev.triagedesk.staff.StaffUser;
import dev.triagedesk.ticket.Product;
import dev.triagedesk.ticket.Ticket;
import dev.triagedesk.ticket.TicketDetails;
import dev.triagedesk.ticket.TicketStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The staff API, for scripts (HTTP Basic or a personal API token, see the security configuration): the queue with
 * the same filters and search as the page, one ticket, status and assignee changes, notes, and each export.
 * Every call is made as the signed-in staff member and lands in the ticket's audit trail like a click would.
 */
@RestController
@RequestMapping(path = "/api/tickets")
@Tag(name = "Staff", description = "The help desk's queue and tickets, for signed-in staff (HTTP Basic or a personal"
        + " API token); every call lands in the ticket's audit trail")
class StaffApiController {

    /** One line of the queue. */
    record QueueItem(String reference, Instant submittedAt, Instant updatedAt, String status, String product,
                     String verdict, String verdictLabel, String assignee, Integer seenStatus, String seenMessage,
                     long analyzedAttachments, String href) {
    }

    record QueueAnswer(List<QueueItem> items, int page, int size, long totalItems, int totalPages) {
    }

    /** What an erasure removed: its audit line and how many stored files went. */
    record ErasureDone(String erased, int files) {
    }

    record NoteItem(long id, String author, Instant createdAt, String body) {
    }

    record NewNote(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 10000) String body) {
    }

    /** The body of {@code PATCH}, for its OpenAPI description (the method reads it as a JSON tree). */
    @Schema(name = "TicketChange", description = "status, assignee or both, applied together or not at all")
    record TicketChange(
            @Schema(allowableValues = {"new", "triaging", "waiting_on_reporter", "escalated", "resolved", "closed"})
            String status,
            @Schema(description = "an enabled staff member's user name; null unassigns", nullable = true)
            String assignee) {
    }

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder()
            .build();

    private final DeskService desk;
    private final TicketExporter exporter;
    private final StaffService staff;
    private final TicketPdf pdf;
    private final IncidentService incidents;
    private final Erasure erasure;

    StaffApiController(DeskService desk, TicketExporter exporter, StaffService staff, TicketPdf pdf,
                       IncidentService incidents, Erasure erasure) {
        this.desk = desk;
        this.exporter = exporter;
        this.staff = staff;
        this.pdf = pdf;
        this.incidents = incidents;
        this.erasure = erasure;
    }

    /**
     * The queue's parameters as a script sends them: as {@link TicketFilter}, but {@code assignee} is a user name
     * (as the API shows it), {@code me}, {@code unassigned}, or a staff id.
     */
    record QueueParams(@Parameter(description = "words, a reference or a request ID") String q, TicketStatus status, TriagePath verdict, Product product, String assignee,
                       @Parameter(description = "submitted on or after this day") LocalDate from,
                       @Parameter(description = "submitted on or before this day") LocalDate to, Boolean hasEvidence,
                       @Parameter(description = "submitted, updated, reference, status, verdict or product; - in front"
                               + " for descending") String sort) {
    }

    @Operation(summary = "The queue", description = "With the same filters and search as the queue page")
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    QueueAnswer queue(@ParameterObject @ModelAttribute QueueParams params, BindingResult binding,
                      @RequestParam(defaultValue = "0") int page,
                      @Parameter(description = "at most 200") @RequestParam(defaultValue = "50") int size,
                      @AuthenticationPrincipal StaffPrincipal me) {
        TicketFilter filter = filter(params, binding, me);
        DeskService.QueuePage result = desk.queue(filter, page, size);
        List<QueueItem> items = new ArrayList<>();
        for (Ticket t : result.tickets()) {
            items.add(new QueueItem(t.getReference(), t.getSubmittedAt(), t.getUpdatedAt(), lower(t.getStatus()),
                    lower(t.getProduct()), t.getVerdictPath() == null ? null : t.getVerdictPath().id(),
                    t.getVerdictPath() == null ? null : t.getVerdictPath().label(),
                    t.getAssignee() == null ? null : t.getAssignee().getUsername(), t.getSeenStatus(),
                    t.getSeenMessage(), result.evidenceCounts().getOrDefault(t.getId(), 0L),
                    "/api/tickets/" + t.getReference()));
        }
        return new QueueAnswer(items, result.tickets().getNumber(), result.tickets().getSize(),
                result.tickets().getTotalElements(), result.tickets().getTotalPages());
    }

    /**
     * The queue as CSV, filtered like {@code GET /api/tickets}. Filters are checked and the file is built (and
     * scanned for secret shapes) before anything is sent, so a refusal is a problem detail, never a download
     * that breaks off.
     */
    @Operation(summary = "The queue as CSV", description = "Filtered like GET /api/tickets")
    @ApiResponse(responseCode = "200", description = "The CSV file", content = @Content(mediaType = "text/csv",
            schema = @Schema(type = "string")))
    @GetMapping(path = "/export/csv")
    ResponseEntity<Resource> csv(@ParameterObject @ModelAttribute QueueParams params, BindingResult binding,
                                 @AuthenticationPrincipal StaffPrincipal me) throws IOException {
        TicketFilter filter = filter(params, binding, me);
        return TemporaryDownload.of(exporter.csv((max, each) -> desk.eachRow(filter, max, each), me.getUsername()),
                new MediaType("text", "csv", StandardCharsets.UTF_8), "triage-desk-queue.csv");
    }

    /**
     * The ticket in the documented export schema ({@code /schema/ticket-export-v1.json}); audited as a view. Its
     * {@code ETag} is the ticket's version, for {@code If-Match} on {@code PATCH}.
     */
    @Operation(summary = "One ticket", description = "In the export schema, /schema/ticket-export-v1.json (JSON"
            + " Schema 2020-12); audited as a view")
    @ApiResponse(responseCode = "200", description = "The ticket", headers = @Header(name = HttpHeaders.ETAG,
            description = "the ticket's version, for If-Match on PATCH", schema = @Schema(type = "string")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object",
                    description = "A ticket as /schema/ticket-export-v1.json describes it")))
    @GetMapping(path = "/{reference}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> ticket(@PathVariable String reference, @AuthenticationPrincipal StaffPrincipal me) {
        return answer(desk.open(reference, me.getUsername()).orElseThrow(() -> noTicket(reference)));
    }

    private ResponseEntity<String> answer(TicketDetails d) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).eTag(etag(d.ticket().getVersion()))
                .body(withIncident(exporter.jsonOf(d), d.ticket().getId()));
    }

    /** The export with the ticket's incident beside it: its reference, or null when it is in none. */
    private String withIncident(String json, long ticketId) {
        Incident incident = incidents.ofTickets(List.of(ticketId)).get(ticketId);
        tools.jackson.databind.node.ObjectNode tree = (tools.jackson.databind.node.ObjectNode) JSON.readTree(json);
        tree.put("incident", incident == null ? null : incident.getReference());
        return JSON.writeValueAsString(tree);
    }

    /**
     * Changes the workflow: {@code {"status": "escalated"}}, {@code {"assignee": "alice"}} or both (together or
     * not at all); an explicit {@code "assignee": null} unassigns. With {@code If-Match} (the {@code ETag} of a
     * {@code GET}) it applies only to the ticket as it was read (412 otherwise); a change committed by someone else
     * at the same moment makes it a 409. Answers with the ticket as {@code GET} does; the trail records the change
     * only, not a view as well (the answer shows what the caller just did).
     */
    @Operation(summary = "Change the status or the assignee",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = TicketChange.class)),
                    @Content(mediaType = "application/merge-patch+json",
                            schema = @Schema(implementation = TicketChange.class))}))
    @ApiResponse(responseCode = "200", description = "The ticket as changed, as GET answers it",
            headers = @Header(name = HttpHeaders.ETAG, description = "the ticket's new version",
                    schema = @Schema(type = "string")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object",
                    description = "A ticket as /schema/ticket-export-v1.json describes it")))
    @ApiResponse(responseCode = "409", description = "Someone else changed the ticket at the same moment",
            content = @Content(mediaType = OpenApiConfiguration.PROBLEM_JSON,
                    schema = @Schema(ref = OpenApiConfiguration.PROBLEM_REF)))
    @ApiResponse(responseCode = "412", description = "The ticket changed since the ETag given in If-Match",
            content = @Content(mediaType = OpenApiConfiguration.PROBLEM_JSON,
                    schema = @Schema(ref = OpenApiConfiguration.PROBLEM_REF)))
    @ApiResponse(responseCode = "415", description = "The body is not JSON",
            content = @Content(mediaType = OpenApiConfiguration.PROBLEM_JSON,
                    schema = @Schema(ref = OpenApiConfiguration.PROBLEM_REF)))
    @PatchMapping(path = "/{reference}", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> change(@PathVariable String reference,
                                  @Parameter(hidden = true) @RequestBody JsonNode body,
                                  @Parameter(in = ParameterIn.HEADER, description = "the ETag of a GET: apply only to"
                                          + " the ticket as it was then")
                                  @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                  @AuthenticationPrincipal StaffPrincipal me) {
        requireTicket(reference);
        if (body == null || !body.isObject()) {
            throw ApiProblem.invalidRequest(List.of(new ApiProblem.FieldError("body",
                    "send a JSON object with \"status\" and/or \"assignee\"")));
        }
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        for (String name : body.propertyNames()) {
            if (!name.equals("status") && !name.equals("assignee")) {
                errors.add(new ApiProblem.FieldError(name, "unknown field; only status and assignee can be changed"));
            }
        }
        TicketStatus status = null;
        if (body.has("status")) {
            try {
                status = body.get("status").isString() ? LenientEnums.parse(TicketStatus.class, body.get("status").asString()) : null;
                if (status == null) {
                    errors.add(new ApiProblem.FieldError("status", "a status is one of " + statuses()));
                }
            } catch (IllegalArgumentException e) {
                errors.add(new ApiProblem.FieldError("status", e.getMessage()));
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
        if (!errors.isEmpty()) {
            throw ApiProblem.invalidRequest(errors);
        }
        desk.change(reference, new WorkflowChange(status, assign, assigneeId, version(ifMatch), null, null),
                me.getUsername());
        return answer(desk.read(reference).orElseThrow(() -> noTicket(reference)));
    }

    @Operation(summary = "The ticket's internal notes")
    @GetMapping(path = "/{reference}/notes", produces = MediaType.APPLICATION_JSON_VALUE)
    List<NoteItem> notes(@PathVariable String reference) {
        requireTicket(reference);
        return desk.notes(reference).stream().map(StaffApiController::note).toList();
    }

    /** Adds an internal note (never shown to the reporter): {@code {"body": "..."}}. */
    @Operation(summary = "Add an internal note", description = "Never shown to the reporter")
    @ApiResponse(responseCode = "201", description = "The note as stored")
    @PostMapping(path = "/{reference}/notes", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<NoteItem> addNote(@PathVariable String reference, @RequestBody NewNote note,
                                     @AuthenticationPrincipal StaffPrincipal me) {
        requireTicket(reference);
        try {
            TicketNote saved = desk.addNote(reference, note == null ? null : note.body(), me.getUsername());
            return ResponseEntity.status(HttpStatus.CREATED).body(note(saved));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidRequest(List.of(new ApiProblem.FieldError("body", e.getMessage())));
        }
    }

    /** Erases a whole ticket on a reporter's request (administrators only). */
    @Operation(summary = "Erase a ticket (administrators)", description = "A reporter's privacy request: the ticket,"
            + " its evidence files, findings, search words, messages and trail go; the activity log keeps one line"
            + " saying it was erased, by whom and when")
    @ApiResponse(responseCode = "200", description = "Erased")
    @ApiResponse(responseCode = "403", description = "Not an administrator",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(responseCode = "404", description = "No such submitted ticket",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @DeleteMapping(path = "/{reference}", produces = MediaType.APPLICATION_JSON_VALUE)
    ErasureDone eraseTicket(@PathVariable String reference, @AuthenticationPrincipal StaffPrincipal me) {
        return done(() -> erasure.eraseTicket(reference, me.getUsername()));
    }

    /** Erases one attachment, numbered from 1 in the order they were added (administrators only). */
    @Operation(summary = "Erase one attachment (administrators)", description = "Attachment n (1 for the first"
            + " added): its files and findings go, and the ticket's verdict, summary and search words are made again"
            + " from the evidence that remains; the trail keeps a line with its number and kind")
    @ApiResponse(responseCode = "200", description = "Erased")
    @ApiResponse(responseCode = "403", description = "Not an administrator",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(responseCode = "404", description = "No such submitted ticket or attachment",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @DeleteMapping(path = "/{reference}/attachments/{n}", produces = MediaType.APPLICATION_JSON_VALUE)
    ErasureDone eraseAttachment(@PathVariable String reference, @PathVariable("n") int n,
                                @AuthenticationPrincipal StaffPrincipal me) {
        return done(() -> erasure.eraseAttachment(reference, n, me.getUsername()));
    }

    private static ErasureDone done(java.util.function.Supplier<Erasure.Erased> erase) {
        try {
            Erasure.Erased erased = erase.get();
            return new ErasureDone(erased.line(), erased.files());
        } catch (NothingToEraseException e) {
            throw ApiProblem.notFound(e.getMessage());
        }
    }

    /** One export of a ticket: {@code markdown}, {@code text}, {@code json}, {@code zip} or {@code pdf}. */
    @Operation(summary = "One export of the ticket", description = "The files the ticket page downloads; each is"
            + " scanned for secret shapes before it is sent")
    @ApiResponse(responseCode = "200", description = "The file, named in Content-Disposition", content = {
            @Content(mediaType = "text/markdown", schema = @Schema(type = "string")),
            @Content(mediaType = "text/plain", schema = @Schema(type = "string")),
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object")),
            @Content(mediaType = "application/zip", schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = MediaType.APPLICATION_PDF_VALUE, schema = @Schema(type = "string", format = "binary"))})
    @GetMapping(path = "/{reference}/export/{format}")
    ResponseEntity<?> export(@PathVariable String reference,
                             @Parameter(schema = @Schema(allowableValues = {"markdown", "text", "json", "zip", "pdf"}))
                             @PathVariable String format,
                             @AuthenticationPrincipal StaffPrincipal me) throws IOException {
        Ticket t = requireTicket(reference);
        ExportFormat as = ExportFormat.named(format).orElseThrow(() -> ApiProblem.invalidRequest(List.of(
                new ApiProblem.FieldError("format", "\"" + format + "\" is not one of " + ExportFormat.names()))));
        return as.download(exporter, pdf, t.getReference(), me.getUsername());
    }

    private Ticket requireTicket(String reference) {
        return desk.submitted(reference).orElseThrow(() -> noTicket(reference));
    }

    private static ApiProblem noTicket(String reference) {
        return ApiProblem.notFound("There is no submitted ticket " + reference + ".");
    }

    /**
     * The filter the parameters ask for; those that cannot be applied as given are named in a 400, rather than left
     * out or read as something else.
     */
    private TicketFilter filter(QueueParams p, BindingResult binding, StaffPrincipal me) {
        List<ApiProblem.FieldError> errors = new ArrayList<>(binding.getFieldErrors().stream()
                .map(e -> new ApiProblem.FieldError(e.getField(), "\"" + e.getRejectedValue()
                        + "\" is not a valid value")).toList());
        if (!binding.hasFieldErrors("sort") && !TicketFilter.validSort(p.sort())) {
            errors.add(new ApiProblem.FieldError("sort", "\"" + p.sort() + "\" is not one of "
                    + String.join(", ", TicketFilter.SORTS) + " (with - in front for descending)"));
        }
        if (p.from() != null && p.to() != null && p.to().isBefore(p.from())) {
            errors.add(new ApiProblem.FieldError("to", "\"" + p.to() + "\" is before from (" + p.from() + ")"));
        }
        Long assignee = null;
        if (p.assignee() != null && !p.assignee().isBlank()) {
            String a = p.assignee().trim();
            if (a.equalsIgnoreCase("unassigned") || a.equals("-1")) {
                assignee = -1L;
            } else if (a.equalsIgnoreCase("me") && me != null) {
                assignee = me.getStaffId();
            } else if (a.chars().allMatch(Character::isDigit) && a.length() < 19) {
                assignee = Long.valueOf(a);
            } else {
                assignee = staff.byUsername(a).map(StaffUser::getId).orElse(null);
                if (assignee == null) {
                    errors.add(new ApiProblem.FieldError("assignee", "no staff member is called \"" + a
                            + "\" (give a user name, me or unassigned)"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalidRequest(errors);
        }
        return new TicketFilter(p.q(), p.status(), p.verdict(), p.product(), assignee, p.from(), p.to(),
                p.hasEvidence(), p.sort());
    }

    private static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The version an {@code If-Match} asks for: null for none or {@code *}; -1, matching nothing, for a tag we did not give. */
    private static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String tag = ifMatch.trim();
        if (tag.length() > 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            try {
                return Long.parseLong(tag.substring(1, tag.length() - 1));
            } catch (NumberFormatException e) {
                return -1L;
            }
        }
        return -1L;
    }

    private static NoteItem note(TicketNote n) {
        return new NoteItem(n.getId(), n.getAuthor().getUsername(), n.getCreatedAt(), n.getBody());
    }

    private static String statuses() {
        return String.join(", ", java.util.Arrays.stream(TicketStatus.values())
                .map(s -> s.name().toLowerCase(Locale.ROOT)).toList());
    }

    private static String lower(Enum<?> e) {
        return e == null ? null : e.name().toLowerCase(Locale.ROOT);
    }
}
