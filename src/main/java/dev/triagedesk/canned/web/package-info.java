/** The canned replies' pages: the administrators' list, and inserting one into a ticket's public reply box. */
package dev.triagedesk.canned.web;
