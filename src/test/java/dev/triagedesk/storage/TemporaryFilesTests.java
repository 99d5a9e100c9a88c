package dev.triagedesk.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triagedesk.system.TriageProperties;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.catalina.core.ApplicationPart;
import org.apache.tomcat.util.http.fileupload.disk.DiskFileItem;
import org.apache.tomcat.util.http.fileupload.disk.DiskFileItemFactory;
import org.apache.tomcat.util.http.fileupload.util.FileItemHeadersImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.support.StandardMultipartHttpServletRequest;

/**
 * An upload on its way to the engine: a part Tomcat spooled to disk is moved into the application's temporary
 * folder, not copied (a 200 MB HAR was written twice, and read once more, before the engine saw it); a part that
 * cannot be handed over leaves no file behind.
 */
class TemporaryFilesTests {

    private static final byte[] CONTENT = "{\"log\":{\"entries\":[]}}".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dataDir;

    private TemporaryFiles temporary() {
        return new TemporaryFiles(new TriageProperties(dataDir, new TriageProperties.Upload(null, 50, null), 2000, ""));
    }

    @Test
    void aPartTomcatSpooledToDiskIsMovedNotCopied() throws Exception {
        TemporaryFiles temporary = temporary();
        Path spool = temporary.uploadSpool();
        // as Tomcat spools a part above its threshold (here 0 bytes), read through Spring's multipart request
        DiskFileItem item = (DiskFileItem) new DiskFileItemFactory(0, spool.toFile())
                .createItem("har", "application/json", false, "capture.har");
        try (OutputStream out = item.getOutputStream()) {
            out.write(CONTENT);
        }
        FileItemHeadersImpl headers = new FileItemHeadersImpl();
        headers.addHeader("Content-Disposition", "form-data; name=\"har\"; filename=\"capture.har\"");
        headers.addHeader("Content-Type", "application/json");
        item.setHeaders(headers);
        File spooled = item.getStoreLocation();
        assertThat(spooled).exists();
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/reports");
        request.setContentType("multipart/form-data; boundary=x");
        request.addPart(new ApplicationPart(item, spool.toFile()));
        MultipartFile part = new StandardMultipartHttpServletRequest(request).getFile("har");

        Path received = temporary.receive(part, "triage-upload");

        assertThat(received.getParent()).isEqualTo(temporary.root());
        assertThat(received).hasBinaryContent(CONTENT);
        assertThat(spooled).as("the spooled file was moved").doesNotExist();
    }

    @Test
    void aPartThatCannotBeHandedOverLeavesNoFile() throws IOException {
        TemporaryFiles temporary = temporary();
        MultipartFile broken = new MockMultipartFile("har", "capture.har", "application/json", CONTENT) {
            @Override
            public void transferTo(File dest) throws IOException {
                Files.write(dest.toPath(), new byte[] {'{'});
                throw new IOException("connection reset while reading the part");
            }
        };

        assertThatThrownBy(() -> temporary.receive(broken, "triage-upload"))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("connection reset");
        try (Stream<Path> left = Files.list(temporary.root())) {
            assertThat(left.filter(Files::isRegularFile)).isEmpty();
        }
    }
}
