/**
 * Getting evidence bytes to the analyzers: {@code .gz} and {@code .zip} archives (with limits against
 * decompression bombs), byte-order marks, the JSONP wrapper of old Firebug/HARP files, and format detection from
 * content rather than the file name.
 */
package dev.triagedesk.evidence.input;
