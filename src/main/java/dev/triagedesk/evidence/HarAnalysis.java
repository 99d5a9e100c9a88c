package dev.triagedesk.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A HAR's findings held in memory: the summary plus the per-entry lists, each kept up to a cap (the counts in
 * {@code summary.stats()} stay exact). For files of any size, stream the findings with
 * {@link dev.triagedesk.evidence.har.HarFindings} instead.
 *
 * @param omitted findings beyond the cap that were counted but not kept
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HarAnalysis(HarSummary summary, List<Failure> failures, List<StreamError> streamErrors,
                          List<Signal> signals, long omitted) {
}
