/**
 * Canned replies: named reply texts with placeholders ({@code {reference}}, {@code {reporter_name}},
 * {@code {missing_items}}, {@code {private_link}}, {@code {incident}}) that administrators keep and agents insert
 * into a public reply, filled for the ticket, and edit before sending. Uses {@code ticket} and
 * {@code conversation}.
 */
package dev.triagedesk.canned;
