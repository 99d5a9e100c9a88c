package dev.triagedesk.ticket;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words a ticket is found by: letters and digits of any script, lower-cased, at least 2 characters, cut to
 * {@value #MAX_LENGTH} (a search for the start of a longer word still finds it). Used both to index a ticket and
 * to read the search box, so they always agree.
 */
public final class TicketWords {

    public static final int MAX_LENGTH = 40;
    static final int MAX_WORDS = 1000;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private TicketWords() {
    }

    public static Set<String> of(String... texts) {
        Set<String> words = new LinkedHashSet<>();
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
            while (m.find() && words.size() < MAX_WORDS) {
                String w = m.group();
                if (w.length() >= 2) {
                    words.add(w.length() > MAX_LENGTH ? w.substring(0, MAX_LENGTH) : w);
                }
            }
        }
        return words;
    }
}
