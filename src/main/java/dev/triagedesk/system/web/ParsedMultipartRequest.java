package dev.triagedesk.system.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.Part;
import java.io.File;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.catalina.core.ApplicationPart;
import org.apache.tomcat.util.http.fileupload.FileItem;

/**
 * A multipart request taken apart by {@link PartsKeepingMultipartResolver}: its parts, and its text fields as
 * parameters after those of the address, as Tomcat makes them. The parts are read on the first call to
 * {@link #getParts()}, which throws what Tomcat's would for a request over a limit or one that cannot be read.
 */
final class ParsedMultipartRequest extends HttpServletRequestWrapper {

    private final PartsKeepingMultipartResolver resolver;
    private List<Part> parts;
    private final Map<String, List<String>> fields = new LinkedHashMap<>();

    ParsedMultipartRequest(HttpServletRequest request, PartsKeepingMultipartResolver resolver) {
        super(request);
        this.resolver = resolver;
    }

    @Override
    public Collection<Part> getParts() throws IOException, ServletException {
        if (parts == null) {
            parts = Collections.unmodifiableList(parse());
        }
        return parts;
    }

    @Override
    public Part getPart(String name) throws IOException, ServletException {
        for (Part p : getParts()) {
            if (p.getName().equals(name)) {
                return p;
            }
        }
        return null;
    }

    private List<Part> parse() throws IOException, ServletException {
        if (getRequest().getInputStream().isFinished()) {
            // a filter asked for a parameter of the body (a CSRF token sent in it), so Tomcat took the request
            // apart already: its parts are the ones there are
            return new ArrayList<>(super.getParts());
        }
        File spool = resolver.location();
        Charset charset = getCharacterEncoding() == null ? StandardCharsets.UTF_8
                : Charset.forName(getCharacterEncoding());
        List<FileItem> items = resolver.reader(spool).read(getRequest().getInputStream(), getContentType(),
                getContentLengthLong(), charset);
        try {
            long maxFormText = resolver.maxFormText();
            long formText = 0;
            List<Part> taken = new ArrayList<>(items.size());
            for (FileItem item : items) {
                taken.add(new ApplicationPart(item, spool));
                if (!item.isFormField()) {
                    continue;
                }
                // counted as Tomcat counts the fields of a multipart request against maxPostSize: name=value&
                formText += item.getFieldName().getBytes(charset).length + 1 + item.getSize() + 1;
                if (maxFormText >= 0 && formText > maxFormText) {
                    // the words Spring and UploadTooLargeResolver know Tomcat's refusal by: "exceed", "maxPostSize"
                    throw new IllegalStateException("The text fields of the multipart request exceeded the limit for"
                            + " maxPostSize (server.tomcat.max-http-form-post-size)");
                }
                fields.computeIfAbsent(item.getFieldName(), k -> new ArrayList<>()).add(item.getString(charset.name()));
            }
            return taken;
        } catch (IOException | RuntimeException e) {
            items.forEach(FileItem::delete);
            fields.clear();
            throw e;
        }
    }

    @Override
    public String getParameter(String name) {
        String fromAddress = super.getParameter(name);
        if (fromAddress != null) {
            return fromAddress;
        }
        List<String> values = fields.get(name);
        return values == null ? null : values.get(0);
    }

    @Override
    public String[] getParameterValues(String name) {
        String[] fromAddress = super.getParameterValues(name);
        List<String> values = fields.get(name);
        if (values == null) {
            return fromAddress;
        }
        List<String> all = new ArrayList<>();
        if (fromAddress != null) {
            all.addAll(List.of(fromAddress));
        }
        all.addAll(values);
        return all.toArray(String[]::new);
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        Map<String, String[]> all = new LinkedHashMap<>(super.getParameterMap());
        for (String name : fields.keySet()) {
            all.put(name, getParameterValues(name));
        }
        return Collections.unmodifiableMap(all);
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(getParameterMap().keySet());
    }
}
