package dev.triagedesk.system;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.http.server.ServletServerHttpResponse;

/**
 * Writes an RFC 9457 {@link ProblemDetail} as Spring MVC does, for answers given where MVC's message converters are
 * not involved: the security filters (401, 403) and the multipart failures met before a controller is chosen. The
 * converter is the one MVC uses for JSON, with its {@code ProblemDetail} mix-in, so the members are the same.
 */
public final class ProblemDetailWriter {

    private static final JacksonJsonHttpMessageConverter JSON = new JacksonJsonHttpMessageConverter();

    private ProblemDetailWriter() {
    }

    /** A problem detail of this status, title and detail, about {@code instance} (the path asked for). */
    public static ProblemDetail problem(HttpStatusCode status, String title, String detail, String instance) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        p.setInstance(URI.create(instance));
        return p;
    }

    /** Sends {@code problem} as the answer, with its status. */
    public static void write(ProblemDetail problem, HttpServletResponse response) throws IOException {
        response.setStatus(problem.getStatus());
        ServletServerHttpResponse out = new ServletServerHttpResponse(response);
        JSON.write(problem, MediaType.APPLICATION_PROBLEM_JSON, out);
        out.flush();
    }
}
