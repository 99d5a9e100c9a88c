package dev.triagedesk.report.web;

import dev.triagedesk.ticket.Evidence;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What was just taken, for the page after an upload: how many files, how many of them could not be read, and
 * which they are (the first of them takes the focus and is scrolled to the top, so the file just added is what the
 * reporter sees, not the middle of the findings of the ones before it). A flash attribute, so it is kept in the
 * session between the upload and the next page: serializable, for sessions stored in the database.
 */
record UploadMessages(int analyzed, int rejected, List<Long> ids) implements Serializable {

    static final String FLASH = "uploaded";

    UploadMessages {
        ids = List.copyOf(ids);
    }

    static UploadMessages of(List<Evidence> added) {
        int ok = (int) added.stream().filter(Evidence::isAnalyzed).count();
        return new UploadMessages(ok, added.size() - ok,
                added.stream().map(Evidence::getId).filter(Objects::nonNull).toList());
    }

    static void flash(List<Evidence> added, RedirectAttributes flash) {
        if (!added.isEmpty()) {
            flash.addFlashAttribute(FLASH, of(added));
        }
    }

    /** The part of the page to open at after an upload: the first file taken, else the attachments. */
    static String anchor(List<Evidence> added) {
        return added.isEmpty() || added.get(0).getId() == null ? "#attachments" : "#attachment-" + added.get(0).getId();
    }

    public boolean any() {
        return analyzed + rejected > 0;
    }

    /** Whether the attachment {@code id} came with this upload. */
    public boolean isNew(Long id) {
        return ids.contains(id);
    }

    /** The first attachment of this upload; null when there is none. */
    public Long first() {
        return ids.isEmpty() ? null : ids.get(0);
    }
}
