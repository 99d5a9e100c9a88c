/** Staff account pages: administrators manage accounts, everyone manages their own password and API tokens. */
package dev.triagedesk.staff.web;
