package dev.triagedesk.desk;

import dev.triagedesk.export.TicketsBundle;
import dev.triagedesk.incident.IncidentDetail;
import dev.triagedesk.incident.IncidentNote;
import dev.triagedesk.incident.IncidentOverview;
import dev.triagedesk.incident.IncidentReader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * An incident as one ZIP for the vendor's support: its Markdown note and its JSON (every request ID with its time
 * and status) and one capture per ticket cut down to the failing requests. The incident page and the staff API
 * offer the same file.
 */
@Service
public class IncidentBundles {

    /** Request IDs in the note and the JSON: every one, up to this many (as their own exports). */
    static final int EXPORTED_REQUEST_IDS = 10_000;

    private final IncidentReader reader;
    private final TicketsBundle bundle;

    IncidentBundles(IncidentReader reader, TicketsBundle bundle) {
        this.reader = reader;
        this.bundle = bundle;
    }

    /** A download's name and its temporary file (the caller sends and deletes it). */
    public record Zip(String fileName, Path file) {
    }

    /**
     * The incident's ZIP, or empty when there is no incident of this reference.
     *
     * @throws dev.triagedesk.export.EvidenceMissingException a ticket's stored capture is missing (the message says
     *                                                         which)
     * @throws dev.triagedesk.export.ExportRefusedException something in it looks like a secret
     */
    public Optional<Zip> zip(String reference, String actor) {
        Optional<IncidentOverview> found = reader.overview(reference);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        IncidentOverview o = found.get();
        String ref = o.incident().getReference();
        List<IncidentOverview.RequestSample> all = reader.requestIds(o.ticketIds(), EXPORTED_REQUEST_IDS);
        Map<String, String> documents = new LinkedHashMap<>();
        documents.put("incident.md", IncidentNote.markdown(o, all));
        documents.put("incident.json", IncidentDetail.of(o, all).json());
        List<String> tickets = o.ticketReferences();
        String name = "incident-" + ref;
        return Optional.of(new Zip(name + ".zip", bundle.write(name, documents, tickets, actor, "incident " + ref)));
    }
}
