/**
 * Incidents: a flood of reports of one problem grouped as one. Each submitted ticket gets a {@link
 * dev.triagedesk.incident.Fingerprint} from its evidence and answers (never from request IDs, each of which is
 * unique); tickets with the same fingerprint whose failures fall within a window of each other join one {@link
 * dev.triagedesk.incident.Incident} as they arrive ({@link dev.triagedesk.incident.IncidentGrouping}, which listens
 * to {@link dev.triagedesk.ticket.TicketConcluded}, so the ticket package knows nothing of incidents), and staff act
 * on the incident as a whole ({@link dev.triagedesk.incident.IncidentService}). Uses ticket, evidence, audit and
 * staff; desk, export and api use it.
 */
package dev.triagedesk.incident;
