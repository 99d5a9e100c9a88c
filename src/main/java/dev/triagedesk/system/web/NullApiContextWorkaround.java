package dev.triagedesk.system.web;

import dev.triagedesk.ticket.ApiContext;
import dev.triagedesk.ticket.Ticket;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostLoadEventListener;
import org.hibernate.persister.entity.EntityPersister;
import org.springframework.stereotype.Component;

/**
 * Workaround, to be removed once {@link Ticket#getApi()} never returns null. Hibernate loads an embeddable whose
 * columns are all null as null, so every draft of a web report (no API answers) comes back with
 * {@code getApi() == null}, and {@code TicketService.update} (its identifier sync) and the API path of the
 * summary then fail with a NullPointerException: the guided form could not save a single step. Until the entity
 * creates the empty value itself, this puts an empty {@link ApiContext} on every Ticket Hibernate loads (through
 * Hibernate's own property access, so no reflection), which is what a new Ticket starts with.
 */
@Component
class NullApiContextWorkaround {

    NullApiContextWorkaround(EntityManagerFactory entityManagerFactory) {
        SessionFactoryImplementor sessionFactory = entityManagerFactory.unwrap(SessionFactoryImplementor.class);
        EventListenerRegistry registry = sessionFactory.getServiceRegistry().getService(EventListenerRegistry.class);
        registry.appendListeners(EventType.POST_LOAD, (PostLoadEventListener) event -> {
            if (event.getEntity() instanceof Ticket ticket && ticket.getApi() == null) {
                EntityPersister persister = event.getPersister();
                int api = List.of(persister.getPropertyNames()).indexOf("api");
                if (api >= 0) {
                    persister.setPropertyValue(ticket, api, new ApiContext());
                }
            }
        });
    }
}
