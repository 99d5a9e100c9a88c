/**
 * Getting evidence bytes to the analyzers: {@code .gz} and {@code .zip} archives (with limits against
 * decompression bombs), byte-order marks, the JSONP wrapper of old Firebug/HARP files, and format detection from
 * content rather than the file name.
 *
 * <p>A named interface of the {@code evidence} module (other modules may use its public types): the ticket store
 * and the command line open uploads through it.
 */
@NamedInterface("input")
package dev.triagedesk.evidence.input;

import org.springframework.modulith.NamedInterface;
