/**
 * The vendor's status page: its incidents and components imported from the Statuspage JSON format
 * ({@link dev.triagedesk.statuspage.StatusPageImport}, polled with ETags, off while no address is set) and asked
 * which official incident covered a failure ({@link dev.triagedesk.statuspage.OfficialIncidents}). Uses nothing of
 * the other features; incident, summary and desk use it.
 */
package dev.triagedesk.statuspage;
