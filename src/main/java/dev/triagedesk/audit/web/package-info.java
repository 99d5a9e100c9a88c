/** The administrators' Activity page: audit lines about no ticket in particular. */
package dev.triagedesk.audit.web;
