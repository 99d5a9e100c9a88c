package dev.triagedesk.evidence.triage;

import dev.triagedesk.evidence.TriagePath;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evidence weighed toward each triage path, grouped so that a thousand identical 429s become one reason with a
 * count. Bounded: memory does not grow with the number of requests. Not thread-safe.
 */
public final class EvidenceTally {

    private static final int MAX_GROUPS = 500;
    private static final int SAMPLE = 5;
    /** Repeats add weight, with diminishing returns: ten identical 500s are not ten times the evidence. */
    private static final int MAX_REPEATS_COUNTED = 5;

    /**
     * One kind of evidence: what it is, how often, and a few examples with where each was seen (one failure can be
     * seen in a HAR's entries and in a console log's lines: each keeps its own place).
     */
    public static final class Group {
        final TriagePath path;
        final int weight;
        final String description;
        long count;
        /** Examples by place ("capture.har entry", "console.log line"), at most {@link #SAMPLE} in all. */
        final Map<String, List<Integer>> samples = new LinkedHashMap<>();
        private int sampled;

        Group(TriagePath path, int weight, String description) {
            this.path = path;
            this.weight = weight;
            this.description = description;
        }

        int score() {
            return weight * (int) Math.min(count, MAX_REPEATS_COUNTED);
        }

        void sample(String place, int where) {
            if (sampled < SAMPLE) {
                samples.computeIfAbsent(place, p -> new ArrayList<>(SAMPLE)).add(where);
                sampled++;
            }
        }

        /** "3× HTTP 429 rate_limit_exceeded from api.openai.com (entries 12, 40, 51)". */
        String reason() {
            StringBuilder sb = new StringBuilder();
            if (count > 1) {
                sb.append(count).append("× ");
            }
            sb.append(description);
            if (!samples.isEmpty()) {
                sb.append(" (");
                boolean firstPlace = true;
                for (Map.Entry<String, List<Integer>> e : samples.entrySet()) {
                    List<Integer> at = e.getValue();
                    boolean many = at.size() > 1 || count > 1 && samples.size() == 1;
                    sb.append(firstPlace ? "" : "; ").append(many ? plural(e.getKey()) : e.getKey()).append(' ');
                    for (int i = 0; i < at.size(); i++) {
                        sb.append(i == 0 ? "" : ", ").append(at.get(i));
                    }
                    firstPlace = false;
                }
                if (count > sampled) {
                    sb.append(", …");
                }
                sb.append(')');
            }
            return sb.toString();
        }

        private static String plural(String place) {
            return place.endsWith("entry") ? place.substring(0, place.length() - 5) + "entries" : place + "s";
        }
    }

    private final Map<String, Group> groups = new LinkedHashMap<>();
    private final Map<TriagePath, Integer> bonus = new EnumMap<>(TriagePath.class);
    private final Map<TriagePath, List<String>> bonusReasons = new EnumMap<>(TriagePath.class);

    /**
     * Adds one observation.
     *
     * @param description the same text for every observation of this group
     * @param place "entry" or "line"
     * @param where the entry index or line number of this observation, or {@code null}
     */
    public void observe(TriagePath path, int weight, String description, String place, Integer where) {
        String key = path.name() + '\u0000' + description;
        Group g = groups.get(key);
        if (g == null) {
            if (groups.size() >= MAX_GROUPS) {
                return;
            }
            g = new Group(path, weight, description);
            groups.put(key, g);
        }
        g.count++;
        if (where != null) {
            g.sample(place, where);
        }
    }

    /**
     * A failure that points to no branch of the matrix (a 404 on an unrelated site, an aborted request): it
     * weighs nothing, but the verdict can still say what was seen.
     */
    public void unplaced(String description, String place, Integer where) {
        observe(TriagePath.UNKNOWN, 0, description, place, where);
    }

    /** Evidence that is not an observation in a file, such as a reporter's answer. */
    public void add(TriagePath path, int weight, String reason) {
        bonus.merge(path, weight, Integer::sum);
        bonusReasons.computeIfAbsent(path, p -> new ArrayList<>()).add(reason);
    }

    public boolean isEmpty() {
        return groups.isEmpty() && bonus.isEmpty();
    }

    /** Adds everything another tally saw (evidence from several files of one report). */
    public void merge(EvidenceTally other) {
        merge(other, 0);
    }

    /**
     * Adds what a tally of the same document's later part saw, whose entry or line numbers start at
     * {@code offset} in this document.
     */
    public void merge(EvidenceTally other, int offset) {
        for (Map.Entry<String, Group> e : other.groups.entrySet()) {
            Group theirs = e.getValue();
            Group mine = groups.get(e.getKey());
            if (mine == null) {
                if (groups.size() >= MAX_GROUPS) {
                    continue;
                }
                mine = new Group(theirs.path, theirs.weight, theirs.description);
                groups.put(e.getKey(), mine);
            }
            mine.count += theirs.count;
            for (Map.Entry<String, List<Integer>> at : theirs.samples.entrySet()) {
                for (Integer where : at.getValue()) {
                    mine.sample(at.getKey(), where + offset);
                }
            }
        }
        other.bonus.forEach((p, w) -> bonus.merge(p, w, Integer::sum));
        other.bonusReasons.forEach((p, r) -> bonusReasons.computeIfAbsent(p, x -> new ArrayList<>()).addAll(r));
    }

    /** The weight of the evidence for each path (repeats counted with diminishing returns). */
    public Map<TriagePath, Integer> scores() {
        Map<TriagePath, Integer> scores = new EnumMap<>(TriagePath.class);
        for (Group g : groups.values()) {
            scores.merge(g.path, g.score(), Integer::sum);
        }
        bonus.forEach((p, w) -> scores.merge(p, w, Integer::sum));
        return scores;
    }

    /** What points to {@code path}: answers first, then the observations, strongest first. */
    public List<String> reasons(TriagePath path) {
        List<String> reasons = new ArrayList<>(bonusReasons.getOrDefault(path, List.of()));
        groups.values().stream()
                .filter(g -> g.path == path)
                .sorted((a, b) -> Integer.compare(b.score(), a.score()))
                .forEach(g -> reasons.add(g.reason()));
        return reasons;
    }

    /** "Also seen (network-policy): …" for the strongest evidence of other branches than {@code path}. */
    public List<String> alsoSeen(TriagePath path, int most) {
        return groupsOutside(path).stream().filter(g -> g.path != TriagePath.UNKNOWN).limit(most)
                .map(g -> "Also seen (" + g.path.id() + "): " + g.reason()).toList();
    }

    /** Evidence for other paths, strongest first: worth showing as "also seen". */
    List<Group> groupsOutside(TriagePath path) {
        return groups.values().stream().filter(g -> g.path != path)
                .sorted((a, b) -> Integer.compare(b.score(), a.score())).toList();
    }
}
