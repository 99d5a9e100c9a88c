package dev.triagedesk.evidence.har;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.evidence.har.HeaderNames.HeaderName;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;

class HeaderNamesTests {

    /** Every string value of a JSON array, resolved in turn by one {@link HeaderNames}. */
    private static List<HeaderName> resolve(String jsonArray) {
        HeaderNames names = new HeaderNames();
        List<HeaderName> out = new ArrayList<>();
        try (JsonParser p = HarJson.JSON.createParser(ObjectReadContext.empty(), jsonArray)) {
            while (p.nextToken() != null) {
                if (p.currentToken() == JsonToken.VALUE_STRING) {
                    out.add(names.current(p));
                }
            }
        }
        return out;
    }

    @Test
    void namesAreResolvedToTheirLowerCaseAndWhatTheAnalysisDoesWithThem() {
        List<HeaderName> r = resolve("[\"Cookie\", \"cookie\", \"Content-Type\", \"X-Request-ID\", \"user-agent\","
                + " \"Authorization\", \"Set-Cookie\"]");
        assertThat(r).extracting(HeaderName::name).containsExactly("Cookie", "cookie", "Content-Type",
                "X-Request-ID", "user-agent", "Authorization", "Set-Cookie");
        assertThat(r).extracting(HeaderName::lower).containsExactly("cookie", "cookie", "content-type",
                "x-request-id", "user-agent", "authorization", "set-cookie");
        assertThat(r).extracting(HeaderName::credential).containsExactly(true, true, false, false, false, true, true);
        assertThat(r).extracting(HeaderName::interesting).containsExactly(true, true, true, true, false, true, true);
    }

    @Test
    void aRepeatedNameIsTheSameAndANameSharingItsSlotOrTooLongToRememberIsStillItself() {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < 600; i++) {
            json.append("\"x-header-").append(i).append("\", \"Server\", ");
        }
        String longName = "X-" + "Long".repeat(30);
        json.append('"').append(longName).append("\", \"").append(longName).append("\"]");
        List<HeaderName> r = resolve(json.toString());
        for (int i = 0; i < 600; i++) {
            assertThat(r.get(2 * i).name()).isEqualTo("x-header-" + i);
            assertThat(r.get(2 * i).interesting()).isFalse();
            assertThat(r.get(2 * i + 1).lower()).isEqualTo("server");
            assertThat(r.get(2 * i + 1).interesting()).isTrue();
        }
        List<HeaderName> twice = resolve("[\"Server\", \"Server\"]");
        assertThat(twice.get(0)).as("a repeated name is resolved once").isSameAs(twice.get(1));
        assertThat(r.get(1200).name()).isEqualTo(longName);
        assertThat(r.get(1201).lower()).isEqualTo(longName.toLowerCase(java.util.Locale.ROOT));
    }
}
