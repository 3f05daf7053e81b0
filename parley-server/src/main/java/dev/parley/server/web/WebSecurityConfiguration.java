package dev.parley.server.web;

import dev.parley.server.accounts.Accounts;
import java.time.Clock;
import java.util.Arrays;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Security of the pages, a chain of its own beside the API's (which stays stateless and bearer-only): form sign-in
 * against the accounts' users, the session in an {@code HttpOnly} cookie ({@link SessionCookies}), CSRF tokens on every
 * form and htmx request (double-submit cookie, masked per page), and a Content-Security-Policy that allows scripts and
 * styles from this server only (no inline script, no eval).
 */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfiguration {
    /** Routes that are not pages: the API, the WebSocket, and the operations endpoints keep their own chains. */
    static final String[] NOT_PAGES = {
        "/api/**",
        "/ws",
        "/ws/**",
        "/actuator/**",
        "/v3/api-docs",
        "/v3/api-docs.yaml",
        "/v3/api-docs/**",
        "/swagger-ui/**",
        "/swagger-ui.html"
    };

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none';"
            + " form-action 'self'; frame-ancestors 'none'";

    @Bean
    SessionCookies sessionCookies(Accounts accounts, Clock clock) {
        return new SessionCookies(accounts, clock);
    }

    @Bean
    @Order(50)
    SecurityFilterChain pageChain(HttpSecurity http, SessionCookies sessions) throws Exception {
        RequestMatcher notPages = new OrRequestMatcher(Arrays.stream(NOT_PAGES)
                .map(p -> (RequestMatcher) PathPatternRequestMatcher.pathPattern(p))
                .toList());
        RequestMatcher htmx = new RequestHeaderRequestMatcher("HX-Request", "true");
        SimpleUrlAuthenticationFailureHandler failure = new SimpleUrlAuthenticationFailureHandler("/sign-in?error");
        failure.setAllowSessionCreation(false);
        CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
        csrfTokens.setCookieCustomizer(c -> c.sameSite("Lax"));
        http.securityMatcher(new NegatedRequestMatcher(notPages))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.securityContextRepository(sessions))
                .requestCache(c -> c.requestCache(new CookieRequestCache()))
                .csrf(c -> c.csrfTokenRepository(csrfTokens))
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(f -> f.loginPage("/sign-in")
                        .loginProcessingUrl("/sign-in")
                        .failureHandler(failure)
                        .permitAll())
                .logout(l -> l.logoutUrl("/sign-out")
                        .addLogoutHandler(sessions::signOut)
                        .logoutSuccessUrl("/sign-in?signed-out"))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                                (request, response, ex) -> {
                                    response.setHeader("HX-Redirect", "/sign-in");
                                    response.sendError(HttpStatus.UNAUTHORIZED.value());
                                },
                                htmx)
                        .defaultAuthenticationEntryPointFor(
                                new LoginUrlAuthenticationEntryPoint("/sign-in"), request -> true))
                .authorizeHttpRequests(a -> a.requestMatchers(
                                "/sign-in",
                                "/language",
                                "/css/**",
                                "/js/**",
                                "/webjars/**",
                                "/favicon.ico",
                                "/favicon.svg",
                                "/error")
                        .permitAll()
                        .anyRequest()
                        .authenticated());
        return http.build();
    }
}
