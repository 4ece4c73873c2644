package dev.switchboard.platform.api;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.switchboard.platform.server.ServerSettings;
import dev.switchboard.platform.store.MongoConnection;

/** The API's keys and the filter that checks them; the webhooks' own handler mapping. */
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

    @Bean
    WebhookHandlerMapping webhookHandlerMapping(WebhookController webhooks) {
        return new WebhookHandlerMapping(webhooks);
    }
}
