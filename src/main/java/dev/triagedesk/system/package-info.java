/**
 * Application-wide wiring: configuration properties, the evidence engine as a bean, error pages and the home page.
 */
package dev.triagedesk.system;
