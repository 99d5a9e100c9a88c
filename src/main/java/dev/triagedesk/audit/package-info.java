/** The audit trail: who viewed, changed or exported a ticket, and when. */
package dev.triagedesk.audit;
