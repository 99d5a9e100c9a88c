package dev.triagedesk.report.web;

import dev.triagedesk.ticket.Evidence;
import java.util.List;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** How many files were just taken, and how many of them could not be read, for the message after an upload. */
record UploadMessages(int analyzed, int rejected) {

    static final String FLASH = "uploaded";

    static UploadMessages of(List<Evidence> added) {
        int ok = (int) added.stream().filter(Evidence::isAnalyzed).count();
        return new UploadMessages(ok, added.size() - ok);
    }

    static void flash(List<Evidence> added, RedirectAttributes flash) {
        if (!added.isEmpty()) {
            flash.addFlashAttribute(FLASH, of(added));
        }
    }

    public boolean any() {
        return analyzed + rejected > 0;
    }
}
