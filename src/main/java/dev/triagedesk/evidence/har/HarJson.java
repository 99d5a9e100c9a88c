package dev.triagedesk.evidence.har;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The Jackson set-up of the HAR reader: within {@link JsonReadLimits}, never closing what it is given. */
final class HarJson {

    static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(JsonReadLimits.WHOLE)
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .disable(StreamWriteFeature.AUTO_CLOSE_CONTENT)
            .build();
    /** For the second half of a split read, which starts inside the entries (see {@link JsonReadLimits#SECOND_HALF}). */
    static final JsonFactory SECOND_HALF = JSON.rebuild().streamReadConstraints(JsonReadLimits.SECOND_HALF).build();
    /** Reads sub-trees in the middle of the stream, so what follows them is not "trailing". */
    static final JsonMapper TREES = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private HarJson() {
    }
}
