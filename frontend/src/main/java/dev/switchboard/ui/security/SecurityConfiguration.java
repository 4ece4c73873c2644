package dev.switchboard.ui.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;

import dev.switchboard.platform.user.UserStore;
import dev.switchboard.ui.LoginView;

/**
 * Two chains. The machine endpoints (REST API, webhooks and resume URLs, signed approval links, health, the benchmark
 * endpoint) keep the rules
 * they had: the API-key filter guards {@code /api/v1}, webhooks check their own authentication; Spring
 * Security adds nothing there (no session, no CSRF token, no sign-in page). Everything else is the UI,
 * where Vaadin's configurer sends whoever is not signed in to the sign-in view.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain machineEndpoints(HttpSecurity http) throws Exception {
        return http.securityMatcher("/api/**", "/webhook/**", "/webhook-test/**", "/webhook-waiting/**", "/actuator/**",
                "/bench/**", "/approval/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .build();
    }

    /** The only way to sign in (as a bean, Spring Boot makes no default user with a logged password). */
    @Bean
    UserAuthentication userAuthentication(UserStore users, dev.switchboard.platform.governance.AuditLog audit) {
        return new UserAuthentication(users, audit);
    }

    @Bean
    @Order(2)
    SecurityFilterChain userInterface(HttpSecurity http, UserAuthentication users) throws Exception {
        http.authenticationProvider(users);
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)).build();
    }
}
