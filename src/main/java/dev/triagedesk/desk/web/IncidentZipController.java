package dev.triagedesk.desk.web;

import dev.triagedesk.desk.IncidentBundles;
import dev.triagedesk.export.EvidenceMissingException;
import dev.triagedesk.export.ExportRefusedException;
import dev.triagedesk.export.TemporaryDownload;
import dev.triagedesk.system.PageNotFoundException;
import java.io.IOException;
import java.security.Principal;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The incident page's ZIP for the vendor's support (the incident module's pages cannot build it: the exports sit
 * above incidents). A refused export goes back to the incident page with the reason, as on a ticket's page.
 */
@Controller
class IncidentZipController {

    private final IncidentBundles bundles;

    IncidentZipController(IncidentBundles bundles) {
        this.bundles = bundles;
    }

    @GetMapping("/desk/incidents/{reference}/export.zip")
    Object zip(@PathVariable String reference, Principal me, RedirectAttributes flash) throws IOException {
        try {
            IncidentBundles.Zip zip = bundles.zip(reference, me.getName())
                    .orElseThrow(() -> new PageNotFoundException("incident.notFound"));
            return TemporaryDownload.of(zip.file(), MediaType.parseMediaType("application/zip"), zip.fileName());
        } catch (ExportRefusedException e) {
            flash.addFlashAttribute("errorText", (e instanceof EvidenceMissingException
                    ? "A stored attachment is missing from the evidence store, so the ZIP was not made: "
                    : "The ZIP was not made: ") + e.getMessage() + ".");
            String r = reference.trim().toUpperCase(Locale.ROOT);
            return r.matches("[A-Z0-9-]{1,32}") ? "redirect:/desk/incidents/" + r : "redirect:/desk/incidents";
        }
    }
}
