/**
 * The help-desk workspace: the ticket queue with its filters and search, ticket detail, the workflow (status,
 * assignee, internal notes) and the staff API behind the same services.
 */
package dev.triagedesk.desk;
