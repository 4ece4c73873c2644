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
 * The machine endpoints keep the rules they had: the API-key filter guards {@code /api/v1}, webhooks check
 * their own authentication. The busy ones (REST API, webhooks and resume URLs, the benchmark endpoint) bypass
 * Spring Security entirely: a filter chain per request cost more CPU than running a small workflow. Signed
 * approval links and health have a chain that adds nothing (no session, no CSRF token, no sign-in page) but
 * the browser headers. Everything else is the UI, where Vaadin's configurer sends whoever is not signed in
 * to the sign-in view.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class SecurityConfiguration {

    /** Paths that Spring Security does not see at all: they authenticate by API key or webhook rules, or not at all. */
    static final String[] BYPASSED = {"/api/**", "/webhook/**", "/webhook-test/**", "/webhook-waiting/**", "/bench/**"};

    @Bean
    org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer machineEndpointsBypass() {
        return web -> web.ignoring().requestMatchers(BYPASSED);
    }

    @Bean
    @Order(1)
    SecurityFilterChain machineEndpoints(HttpSecurity http) throws Exception {
        return http.securityMatcher("/actuator/**", "/approval/**")
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
