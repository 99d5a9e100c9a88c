/**
 * The help-desk workspace behind the staff pages and the staff API: the ticket queue ({@link
 * dev.triagedesk.desk.TicketFilter}; filters on indexed columns and one search box that finds a reference, a
 * request ID, an e-mail address or the words of a description in the word index), opening a ticket (audited),
 * the workflow (status and assignee, not applied over someone else's change made in between) and internal notes
 * ({@link dev.triagedesk.desk.DeskService}). The queue CSV is written by {@code export} from the rows handed to it
 * here. {@code QueueBenchmark} fills a scratch database to time the queue. The pages are in {@code web}.
 */
package dev.triagedesk.desk;
