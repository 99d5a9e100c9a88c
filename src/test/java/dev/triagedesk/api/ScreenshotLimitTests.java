package dev.triagedesk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.triagedesk.report.ReportService;
import dev.triagedesk.support.TicketFixtures;
import dev.triagedesk.support.TriageDeskTest;
import dev.triagedesk.ticket.Evidence;
import dev.triagedesk.ticket.EvidenceKind;
import dev.triagedesk.ticket.HostileImages;
import dev.triagedesk.ticket.TicketService;
import dev.triagedesk.ticket.Upload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A screenshot's limit is in pixels: a file of a few dozen bytes declaring a huge image is rejected from its header,
 * before a pixel is decoded, with its reason; the rest of the report is kept, several at once included.
 */
@TriageDeskTest
class ScreenshotLimitTests {

    static final String TOO_LARGE = "the image is too large: 7000×7000 pixels (49 megapixels), more than the 40"
            + " megapixels a screenshot may have";

    @Autowired
    MockMvc mvc;
    @Autowired
    TicketService tickets;
    @Autowired
    ReportService reports;

    @Test
    void aScreenshotDeclaringTooManyPixelsIsRejectedAndTheReportKept() throws Exception {
        MockMultipartFile report = new MockMultipartFile("report", "", MediaType.APPLICATION_JSON_VALUE, """
                {"product": "CHATGPT_WEB", "seenMessage": "Something went wrong", "timeZone": "UTC"}""".getBytes());
        mvc.perform(multipart("/api/reports").file(report)
                        .file(new MockMultipartFile("screenshot", "huge.png", "image/png", HostileImages.png16(7000, 7000)))
                        .file(new MockMultipartFile("screenshot", "screen.png", "image/png",
                                HostileImages.image("png", 1280, 800))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.reference").exists())
                .andExpect(jsonPath("$.evidence[0].name").value("huge.png"))
                .andExpect(jsonPath("$.evidence[0].status").value("rejected"))
                .andExpect(jsonPath("$.evidence[0].reason").value(TOO_LARGE))
                .andExpect(jsonPath("$.evidence[1].name").value("screen.png"))
                .andExpect(jsonPath("$.evidence[1].status").value("analyzed"));
    }

    @Test
    void fiveAtOnceAreAllRejectedWithoutDecodingAny() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            List<Future<List<Evidence>>> sent = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                int n = i;
                sent.add(pool.submit(() -> {
                    long id = tickets.startDraft().ticket().getId();
                    Path file = Files.createTempFile("huge", ".png");
                    try {
                        Files.write(file, HostileImages.png16(7000, 7000));
                        return reports.addUpload(id, new Upload(file, "huge-" + n + ".png", Files.size(file),
                                EvidenceKind.SCREENSHOT));
                    } finally {
                        Files.deleteIfExists(file);
                    }
                }));
            }
            for (Future<List<Evidence>> f : sent) {
                assertThat(f.get()).singleElement().satisfies(e -> {
                    assertThat(e.isAnalyzed()).isFalse();
                    assertThat(e.getOutcomeReason()).isEqualTo(TOO_LARGE);
                });
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
