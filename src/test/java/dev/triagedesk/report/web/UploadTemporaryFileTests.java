package dev.triagedesk.report.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;

import dev.triagedesk.storage.TemporaryFiles;
import dev.triagedesk.support.TicketFixtures;
import dev.triagedesk.support.TriageDeskTest;
import dev.triagedesk.ticket.Product;
import dev.triagedesk.ticket.TicketService;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A file uploaded through the form is copied to the application's own temporary folder on its way to the evidence
 * engine, never to the shared system one: start-up housekeeping empties the former, so a copy a crash left behind
 * does not stay. Same context as {@link ReportFormTests}.
 */
@TriageDeskTest
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:report-form;DB_CLOSE_DELAY=-1",
        "triage.data-dir=target/test-data/report-form"})
class UploadTemporaryFileTests {

    private static final String CONSOLE = "15:24:00.002 main.js:10  Uncaught Error: boom\n";

    @Autowired
    TicketFixtures fixtures;
    @Autowired
    MockMvc mvc;
    @Autowired
    TicketService tickets;
    @Autowired
    TemporaryFiles temporary;

    /** The reporter's file as the browser hands it over, noting where the application copies it. */
    private static final class WatchedFile extends MockMultipartFile {
        final List<Path> copies = new ArrayList<>();

        WatchedFile(String input, String name) {
            super(input, name, "text/plain", CONSOLE.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void transferTo(Path dest) throws IOException, IllegalStateException {
            copies.add(dest);
            super.transferTo(dest);
        }

        /** The form the application uses: the container then moves a part it spooled instead of copying it. */
        @Override
        public void transferTo(File dest) throws IOException, IllegalStateException {
            copies.add(dest.toPath());
            super.transferTo(dest);
        }
    }

    @Test
    void aStepFourUploadIsCopiedToTheApplicationsTemporaryFolderAndRemoved() throws Exception {
        String token = fixtures.draftAt(Product.CHATGPT_WEB, 4);
        WatchedFile console = new WatchedFile("console", "console.log");
        mvc.perform(multipart("/report/" + token + "/evidence").file(console).with(csrf()).param("nav", "stay"))
                .andExpect(redirectedUrlPattern("/report/" + token + "/evidence#attachment-*"));
        assertCopiedToTheApplicationsFolderAndGone(console);
    }

    @Test
    void aReporterPageUploadIsCopiedToTheApplicationsTemporaryFolderAndRemoved() throws Exception {
        String token = fixtures.draftAt(Product.CHATGPT_WEB, 4);
        tickets.submit(tickets.byToken(token).orElseThrow().getId());
        WatchedFile console = new WatchedFile("console", "console.log");
        mvc.perform(multipart("/r/" + token + "/evidence").file(console).with(csrf()))
                .andExpect(redirectedUrlPattern("/r/" + token + "#attachment-*"));
        assertCopiedToTheApplicationsFolderAndGone(console);
    }

    private void assertCopiedToTheApplicationsFolderAndGone(WatchedFile file) {
        Path systemTemporary = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
        assertThat(file.copies).singleElement().satisfies(copy -> {
            Path where = copy.toAbsolutePath().normalize();
            assertThat(where.getParent()).isEqualTo(temporary.root());
            assertThat(where.getParent()).isNotEqualTo(systemTemporary);
            assertThat(Files.exists(where)).as("the copy is deleted once analyzed").isFalse();
        });
    }
}
