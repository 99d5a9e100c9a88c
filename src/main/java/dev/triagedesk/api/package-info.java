/**
 * The JSON API, two of them. The public report API: {@code POST /api/reports} (multipart: a {@code report} part
 * with the form's answers and any number of HAR, console and screenshot parts) and
 * {@code POST /api/reports/{token}/evidence} to add to a report later, both through the same services as the form.
 * The staff API for scripts ({@code /api/tickets/**}, HTTP Basic or a personal API token): the queue with the
 * page's filters and search, one ticket, status and assignee changes, notes, and every export. Errors are RFC 9457
 * problem details; springdoc serves the OpenAPI description of both ({@link dev.triagedesk.api.OpenApiConfiguration}).
 */
package dev.triagedesk.api;
