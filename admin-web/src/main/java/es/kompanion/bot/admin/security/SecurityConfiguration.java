package es.kompanion.bot.admin.security;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Two doors. Platform callbacks (Telegram webhook, Slack events) and the health probe
 * authenticate their own way, so they pass without a session or CSRF token. Everything
 * else is the admin web: form login, CSRF, and admin-only sections; only the clients'
 * survey page ({@code /survey/<token>}, the token is the credential) needs no login, and
 * keeps CSRF.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/** Pages only admins may open; staff get 403. */
	static final String[] ADMIN_ONLY = { "/staff/**", "/audit/**", "/resources/**", "/calendar/**", "/faq/**",
			"/clients/import/**", "/clients/import" };

	@Bean
	@Order(1)
	SecurityFilterChain platformCallbacks(HttpSecurity http,
			@Value("${kompanion.telegram.webhook-path:/telegram/webhook}") String telegramPath,
			@Value("${kompanion.slack.events-path:/slack/events}") String slackPath) throws Exception {
		http.securityMatcher(telegramPath, slackPath, "/actuator/health", "/actuator/health/**")
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable())
			.securityContext((context) -> context.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain adminWeb(HttpSecurity http, LoginThrottle throttle, SessionStamp stamp) throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/login", "/error", "/admin/**", "/webjars/**", "/favicon.ico", "/survey/**")
			.permitAll()
			.requestMatchers(ADMIN_ONLY)
			.hasRole("ADMIN")
			.anyRequest()
			.authenticated())
			.formLogin((form) -> form.loginPage("/login")
				.usernameParameter("email")
				.successHandler(stamp.successHandler())
				.failureHandler(throttle.failureHandler())
				.permitAll())
			.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			.addFilterBefore(throttle.filter(), UsernamePasswordAuthenticationFilter.class)
			.addFilterAfter(stamp.filter(), SecurityContextHolderFilter.class)
			.headers((headers) -> headers
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
				.contentSecurityPolicy((csp) -> csp.policyDirectives("default-src 'self'; img-src 'self' data:; "
						+ "style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'")))
			.sessionManagement((session) -> session.sessionFixation((fixation) -> fixation.changeSessionId()))
			.exceptionHandling((exceptions) -> exceptions.accessDeniedHandler(SecurityConfiguration::denied));
		return http.build();
	}

	/**
	 * A form whose CSRF token expired goes back to its page with a note to send it again;
	 * anything else denied gets the 403 page.
	 */
	private static void denied(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException, ServletException {
		String type = request.getContentType();
		boolean form = type == null || type.startsWith("application/x-www-form-urlencoded")
				|| type.startsWith("multipart/form-data");
		if (denied instanceof CsrfException && "POST".equals(request.getMethod()) && form) {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			String back = (path.startsWith("/") && !path.startsWith("//")) ? path : "/";
			response.sendRedirect(request.getContextPath() + back + "?formExpired");
			return;
		}
		new AccessDeniedHandlerImpl().handle(request, response, denied);
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder();
	}

}
