package dev.triagedesk.statuspage;

/**
 * The status page import found an incident it had not imported before (published after the import committed): the
 * verdicts of open tickets whose failure it covers may now count it.
 */
public record OfficialIncidentAppeared(OfficialIncident incident) {
}
