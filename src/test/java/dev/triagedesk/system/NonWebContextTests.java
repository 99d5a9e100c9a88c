package dev.triagedesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.ticket.TicketService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * The application also starts without its web layer, as {@code scripts/benchmark --queue} runs it
 * ({@code web-application-type=none}): no bean may need one that only the web layer makes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = "spring.datasource.url=jdbc:h2:mem:non-web;DB_CLOSE_DELAY=-1")
class NonWebContextTests {

    @Autowired
    ApplicationContext context;

    @Test
    void theApplicationStartsWithoutAWebServer() {
        assertThat(context.getBean(TicketService.class)).isNotNull();
    }
}
