package es.kompanion.bot.admin.security;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import es.kompanion.bot.admin.AdminProperties;

/**
 * Slows down password guessing: after too many failed sign-ins for one email or from one
 * address, further attempts are refused without checking the password until the lock-out
 * passes. The answer looks the same as a wrong password, so it tells nothing about the
 * account.
 */
@Component
class LoginThrottle {

	private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

	/**
	 * An office, or every user behind a proxy, shares one address: it may fail this many
	 * times more than one account, so that a stranger cannot lock the whole firm out with
	 * a few tries.
	 */
	private static final int ADDRESS_FACTOR = 20;

	/** Past this many remembered keys, expired ones are dropped. */
	private static final int CLEANUP_THRESHOLD = 10_000;

	private final Map<String, Failures> failures = new ConcurrentHashMap<>();

	private final int maxFailures;

	private final java.time.Duration lockout;

	private final Clock clock;

	LoginThrottle(AdminProperties properties, Clock clock) {
		this.maxFailures = properties.maxFailedLogins();
		this.lockout = properties.lockout();
		this.clock = clock;
	}

	OncePerRequestFilter filter() {
		return new OncePerRequestFilter() {
			@Override
			protected boolean shouldNotFilter(HttpServletRequest request) {
				String path = request.getRequestURI().substring(request.getContextPath().length());
				return !("POST".equals(request.getMethod()) && "/login".equals(path));
			}

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				if (isLocked(accountKey(request), LoginThrottle.this.maxFailures)
						|| isLocked(addressKey(request), LoginThrottle.this.maxFailures * ADDRESS_FACTOR)) {
					log.warn("Sign-in refused during a lock-out");
					response.sendRedirect(request.getContextPath() + "/login?error");
					return;
				}
				chain.doFilter(request, response);
			}
		};
	}

	AuthenticationFailureHandler failureHandler() {
		return (request, response, exception) -> {
			recordFailure(accountKey(request));
			recordFailure(addressKey(request));
			response.sendRedirect(request.getContextPath() + "/login?error");
		};
	}

	@EventListener
	void on(AuthenticationSuccessEvent event) {
		this.failures.remove("account:" + event.getAuthentication().getName().toLowerCase(Locale.ROOT));
	}

	private boolean isLocked(String key, int limit) {
		Failures entry = this.failures.get(key);
		return entry != null && entry.count() >= limit && entry.last().plus(this.lockout).isAfter(this.clock.instant());
	}

	private void recordFailure(String key) {
		Instant now = this.clock.instant();
		if (this.failures.size() > CLEANUP_THRESHOLD) {
			this.failures.values().removeIf((entry) -> entry.last().plus(this.lockout).isBefore(now));
		}
		this.failures.compute(key, (k, old) -> {
			if (old == null || old.last().plus(this.lockout).isBefore(now)) {
				return new Failures(1, now);
			}
			return new Failures(old.count() + 1, now);
		});
	}

	private static String accountKey(HttpServletRequest request) {
		String email = request.getParameter("email");
		return "account:" + ((email != null) ? email.strip().toLowerCase(Locale.ROOT) : "");
	}

	private static String addressKey(HttpServletRequest request) {
		return "address:" + request.getRemoteAddr();
	}

	private record Failures(int count, Instant last) {

	}

}
