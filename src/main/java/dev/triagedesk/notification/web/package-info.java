/** The notification pages: a staff member's mail choices (Account page) and the outbox for administrators. */
package dev.triagedesk.notification.web;
