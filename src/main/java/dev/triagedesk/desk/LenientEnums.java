package dev.triagedesk.desk;

import dev.triagedesk.evidence.TriagePath;
import dev.triagedesk.ticket.Product;
import dev.triagedesk.ticket.TicketStatus;
import java.util.Locale;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Queue filters arrive from links, forms and scripts: {@code status=escalated}, {@code status=WAITING_ON_REPORTER}
 * and {@code status=waiting-on-reporter} all mean the same, and a verdict may be given by its id
 * ({@code api-server}) as in the JSON export. Unknown values still fail, with the accepted ones listed.
 */
@Configuration(proxyBeanMethods = false)
public class LenientEnums implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, TicketStatus.class, s -> parse(TicketStatus.class, s));
        registry.addConverter(String.class, Product.class, s -> parse(Product.class, s));
        registry.addConverter(String.class, TriagePath.class, LenientEnums::path);
    }

    static TriagePath path(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        for (TriagePath p : TriagePath.values()) {
            if (p.id().equalsIgnoreCase(s.trim())) {
                return p;
            }
        }
        return parse(TriagePath.class, s);
    }

    /** Case-insensitive enum name, with dashes or spaces for underscores; null for blank. */
    public static <E extends Enum<E>> E parse(Class<E> type, String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String name = s.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        StringBuilder accepted = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            accepted.append(accepted.isEmpty() ? "" : ", ").append(e.name().toLowerCase(Locale.ROOT));
        }
        throw new IllegalArgumentException("\"" + s + "\" is not one of " + accepted);
    }
}
