package dev.switchboard.platform.api;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.switchboard.platform.server.ServerSettings;
import dev.switchboard.platform.store.MongoConnection;

/** The API's keys and the filter that checks them; the webhooks' own servlet. */
@Configuration(proxyBeanMethods = false)
public class ApiConfiguration {

    @Bean
    ApiKeys apiKeys(MongoConnection connection, ServerSettings settings) {
        return new ApiKeys(connection, settings);
    }

    @Bean
    FilterRegistrationBean<ApiKeyFilter> apiKeyFilter(ApiKeys keys) {
        FilterRegistrationBean<ApiKeyFilter> registration = new FilterRegistrationBean<>(new ApiKeyFilter(keys));
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    /** Webhook calls go to their own servlet, not through Spring MVC's dispatcher (see {@link WebhookServlet}). */
    @Bean
    org.springframework.boot.web.servlet.ServletRegistrationBean<WebhookServlet> webhookServlet(WebhookController webhooks) {
        var registration = new org.springframework.boot.web.servlet.ServletRegistrationBean<>(new WebhookServlet(webhooks),
                "/webhook/*", "/webhook-test/*");
        registration.setName("webhooks");
        registration.setLoadOnStartup(1);
        return registration;
    }
}
