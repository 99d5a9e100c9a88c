/** The incident pages of the staff workspace: {@code /desk/incidents} and {@code /desk/incidents/{reference}}. */
package dev.triagedesk.incident.web;
