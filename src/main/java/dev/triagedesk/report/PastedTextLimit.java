package dev.triagedesk.report;

import dev.triagedesk.system.ReadableSize;
import dev.triagedesk.system.TriageProperties;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * How much console output is taken as pasted text ({@code triage.upload.max-pasted-text}), on the pages and in the
 * API. A larger text is refused next to its field while the rest of the request is taken; for it to reach the
 * application at all, Tomcat's cap on a request's text fields ({@code server.tomcat.max-http-form-post-size}, which
 * refuses the request as a whole) must be above it, which is checked at start-up.
 */
@Component
public class PastedTextLimit {

    /** Room for the other text fields of a form (CSRF token, conversation URL, buttons) beside the pasted text. */
    static final long OTHER_FIELDS = 64 * 1024;

    private final long maxBytes;

    PastedTextLimit(TriageProperties properties,
                    @Value("${server.tomcat.max-http-form-post-size:2MB}") DataSize formPostSize) {
        this.maxBytes = properties.upload().maxPastedText().toBytes();
        long form = formPostSize.toBytes();
        if (form >= 0 && form < maxBytes + OTHER_FIELDS) {
            throw new IllegalStateException("server.tomcat.max-http-form-post-size (" + ReadableSize.of(form)
                    + ") must be larger than triage.upload.max-pasted-text (" + ReadableSize.of(maxBytes) + "),"
                    + " or pasted text over that limit is refused as a whole request instead of next to its field");
        }
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** The limit as people read it ("5 MB"). */
    public String maxText() {
        return ReadableSize.of(maxBytes);
    }

    /** The size of {@code text} as people read it, when it is over the limit; empty when it fits. */
    public Optional<String> excess(String text) {
        if (text == null || text.length() <= maxBytes / 3) {
            return Optional.empty(); // no UTF-8 character takes more than 3 bytes per Java char
        }
        long size = utf8Length(text);
        if (size <= maxBytes) {
            return Optional.empty();
        }
        String said = ReadableSize.of(size);
        // just over the limit reads as the limit itself once rounded
        return Optional.of(said.equals(maxText()) ? "over " + said : said);
    }

    static long utf8Length(CharSequence s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
