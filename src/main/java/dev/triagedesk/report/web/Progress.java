package dev.triagedesk.report.web;

import dev.triagedesk.ticket.Ticket;
import java.util.Arrays;
import java.util.List;

/**
 * The progress list at the top of each step: which steps are done, which one is open, which can be reached. A step
 * can be opened once the one before it has been completed.
 */
record Progress(Step current, List<Item> items) {

    /** One step in the list. */
    record Item(Step step, boolean current, boolean done, boolean reachable) {
    }

    static Progress of(Ticket t, Step current) {
        int reachable = furthestOpen(t).number();
        return new Progress(current, Arrays.stream(Step.values())
                .map(s -> new Item(s, s == current, s.number() <= t.getStepReached(), s.number() <= reachable))
                .toList());
    }

    /** The furthest step the reporter may open: the one after the last completed step. */
    static Step furthestOpen(Ticket t) {
        int n = Math.min(Step.REVIEW.number(), Math.max(1, t.getStepReached() + 1));
        return Step.values()[n - 1];
    }
}
