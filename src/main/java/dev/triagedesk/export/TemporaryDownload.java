package dev.triagedesk.export;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** An export built in a temporary file, as a download: the file is deleted once sent, or once the download is abandoned. */
public final class TemporaryDownload {

    private TemporaryDownload() {
    }

    public static ResponseEntity<Resource> of(Path file, MediaType type, String fileName) throws IOException {
        long size = Files.size(file);
        InputStream in = Files.newInputStream(file, StandardOpenOption.DELETE_ON_CLOSE);
        return ResponseEntity.ok().contentType(type).contentLength(size)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .body(new InputStreamResource(in));
    }
}
