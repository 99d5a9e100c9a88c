/**
 * Where sanitized evidence files live: a folder per ticket under the data folder. Only sanitized copies and
 * screenshots are ever written here; uploaded originals stay in temporary files that are deleted at once.
 */
package dev.triagedesk.storage;
