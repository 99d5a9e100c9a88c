package dev.triagedesk.conversation.web;

import dev.triagedesk.conversation.ConversationService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A reporter's message counts as read once an agent has opened the ticket page: cleared once the page's handler
 * found the ticket and is about to show it, so a ticket that could not be found keeps its mark.
 */
@Configuration
class UnreadMarks implements WebMvcConfigurer, HandlerInterceptor {

    private final ConversationService conversations;

    UnreadMarks(ConversationService conversations) {
        this.conversations = conversations;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/desk/tickets/*");
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           ModelAndView view) {
        if (!"GET".equals(request.getMethod()) || response.getStatus() != 200 || request.getUserPrincipal() == null) {
            return;
        }
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> vars
                && vars.get("reference") instanceof String reference) {
            conversations.markRead(reference);
        }
    }
}
