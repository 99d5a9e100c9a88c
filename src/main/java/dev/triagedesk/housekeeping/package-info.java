/**
 * What a crash or an abandoned form leaves behind, removed at start-up and every hour: drafts untouched for a day,
 * evidence files no row names (a write cut short, a transaction that never committed), the application's own
 * temporary files and expired idempotency keys of the report API.
 */
package dev.triagedesk.housekeeping;
