package dev.triagedesk.api;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.triagedesk.support.TriageDeskTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** The report API takes an API developer's files in parts named for them: {@code apiLog} and {@code batch}. */
@TriageDeskTest
class ReportApiEvidencePartsTests {

    @Autowired
    MockMvc mvc;

    private static byte[] resource(String path) throws Exception {
        return Files.readAllBytes(Path.of(ReportApiEvidencePartsTests.class.getResource(path).toURI()));
    }

    @Test
    void anSdkLogAndABatchFileSentInTheirOwnPartsAreReadAndStored() throws Exception {
        MockMultipartFile report = new MockMultipartFile("report", "", MediaType.APPLICATION_JSON_VALUE,
                "{\"product\": \"openai_api\", \"description\": \"calls fail with 500\"}".getBytes());
        mvc.perform(multipart("/api/reports").file(report)
                        .file(new MockMultipartFile("apiLog", "openai.log", "text/plain",
                                resource("/api-evidence/fixtures/python-debug-old.log")))
                        .file(new MockMultipartFile("batch", "errors.jsonl", "application/jsonl",
                                resource("/batch/error-file-400.jsonl"))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.evidence.length()").value(2))
                .andExpect(jsonPath("$.evidence[0].kind").value("api_log"))
                .andExpect(jsonPath("$.evidence[0].status").value("analyzed"))
                .andExpect(jsonPath("$.evidence[1].kind").value("batch"))
                .andExpect(jsonPath("$.evidence[1].status").value("analyzed"));
    }

    @Test
    void addingEvidenceNamesTheNewPartsWhenNothingCame() throws Exception {
        MockMultipartFile report = new MockMultipartFile("report", "", MediaType.APPLICATION_JSON_VALUE,
                "{\"product\": \"openai_api\", \"description\": \"calls fail\"}".getBytes());
        String body = mvc.perform(multipart("/api/reports").file(report)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        String token = body.replaceFirst("(?s).*\"reporterUrl\"\\s*:\\s*\"[^\"]*/r/([^\"/?]+)\".*", "$1");
        mvc.perform(multipart("/api/reports/" + token + "/evidence"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("apiLog, batch")));
    }
}
