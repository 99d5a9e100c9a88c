/**
 * Application-wide wiring: the settings ({@link dev.triagedesk.system.TriageProperties}, {@code triage.*}), the
 * data folder made absolute, the clock, the evidence engine as a bean (keyed like the command line), and what every
 * feature shares: sizes said to people, text made storable, and {@link dev.triagedesk.system.PageNotFoundException}
 * for the friendly 404 page. The home and error pages are in {@code web}.
 */
package dev.triagedesk.system;
