package dev.triagedesk.evidence.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileNamesTests {

    @Test
    void anOrdinaryNameStaysAsItIs() {
        assertThat(FileNames.shown("capture (2).har")).isEqualTo("capture (2).har");
        assertThat(FileNames.shown("журнал-😀.log")).isEqualTo("журнал-😀.log");
        assertThat(FileNames.shown(null)).isEmpty();
    }

    @Test
    void controlCharactersAndDirectionMarksBecomeUnderscoresAndLoneSurrogatesReplacementCharacters() {
        assertThat(FileNames.shown("cap\u0000tu\u0001re\n.har")).isEqualTo("cap_tu_re_.har");
        assertThat(FileNames.shown("report\u202Erah.exe")).isEqualTo("report_rah.exe");
        assertThat(FileNames.shown("a\uD800b\uDC00.har")).isEqualTo("a\uFFFDb\uFFFD.har");
    }

    @Test
    void aLongNameKeepsItsStartAndItsEndAroundAnEllipsis() {
        String member = "bundle.zip!/" + "a-folder-with-a-long-name/".repeat(40) + "capture.har";
        String shown = FileNames.shown(member);
        assertThat(shown).hasSize(FileNames.MAX_CHARS).startsWith("bundle.zip!/a-folder").endsWith("/capture.har")
                .contains("…");
        assertThat(FileNames.shown("n".repeat(296) + ".har")).hasSize(300).doesNotContain("…");
        assertThat(FileNames.shown("n".repeat(297) + ".har")).hasSize(300).contains("…").endsWith("n.har");
    }

    @Test
    void aShortenedNameNeverSplitsASurrogatePair() {
        for (int pad = 0; pad < 3; pad++) {
            String shown = FileNames.shown("x".repeat(pad) + "😀".repeat(400) + ".har");
            assertThat(shown.length()).isLessThanOrEqualTo(FileNames.MAX_CHARS);
            assertThat(shown.chars().filter(c -> Character.isSurrogate((char) c)).count() % 2).isZero();
            assertThat(shown.codePoints().anyMatch(c -> Character.isSurrogate((char) c) && c < 0x10000)).isFalse();
            assertThat(shown).endsWith("😀.har");
        }
    }
}
