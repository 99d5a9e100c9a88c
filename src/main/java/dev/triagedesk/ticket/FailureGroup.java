package dev.triagedesk.ticket;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Failing requests that are one failure repeated: the same method, address once normalized ({@link NormalizedPath}:
 * query values and IDs in the path left out), status (or network error, when there was no response), error code,
 * and both inside a stream or both not. The pages and the PDF show a group as one row with its count, and each
 * request (its time, entry and request IDs) when the row is opened.
 *
 * @param requests the group's requests in the order they were found (never empty)
 */
public record FailureGroup(String key, List<FailingRequest> requests) {

    public FailureGroup {
        requests = List.copyOf(requests);
        if (requests.isEmpty()) {
            throw new IllegalArgumentException("a group holds at least one request");
        }
    }

    /** The groups of {@code failures}, in the order their first request was found. */
    public static List<FailureGroup> of(List<FailingRequest> failures) {
        Map<String, List<FailingRequest>> groups = new LinkedHashMap<>();
        for (FailingRequest f : failures) {
            groups.computeIfAbsent(key(f), k -> new ArrayList<>()).add(f);
        }
        List<FailureGroup> out = new ArrayList<>(groups.size());
        groups.forEach((key, members) -> out.add(new FailureGroup(key, members)));
        return out;
    }

    /** What makes two failing requests the same failure. */
    public static String key(FailingRequest f) {
        String outcome = f.getStatus() > 0 ? Integer.toString(f.getStatus())
                : "0 " + Objects.toString(f.getNetError(), "");
        return String.join("\u0000", Objects.toString(f.getMethod(), ""), Objects.toString(NormalizedPath.of(f.getUrl()), ""),
                outcome, Objects.toString(f.getErrorCode(), ""), Boolean.toString(f.isStreamError()));
    }

    public FailingRequest first() {
        return requests.get(0);
    }

    public FailingRequest last() {
        return requests.get(requests.size() - 1);
    }

    public int count() {
        return requests.size();
    }

    /** More than one request: the row has a count and a list to open. */
    public boolean repeated() {
        return requests.size() > 1;
    }
}
