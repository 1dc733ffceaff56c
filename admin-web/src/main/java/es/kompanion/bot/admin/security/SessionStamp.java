package es.kompanion.bot.admin.security;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import es.kompanion.bot.user.Staff;
import es.kompanion.bot.user.StaffRepository;

/**
 * Ends a signed-in session as soon as what it was granted no longer holds: at sign-in the
 * session is stamped with the staff member's id, role and password hash, and every
 * request checks the stamp against the database. Deactivating someone, changing their
 * role or their password therefore takes effect at their next click, not when their
 * session would have expired.
 */
@Component
class SessionStamp {

	private static final Logger log = LoggerFactory.getLogger(SessionStamp.class);

	static final String ATTRIBUTE = SessionStamp.class.getName();

	private final StaffRepository staff;

	SessionStamp(StaffRepository staff) {
		this.staff = staff;
	}

	AuthenticationSuccessHandler successHandler() {
		SavedRequestAwareAuthenticationSuccessHandler redirect = new SavedRequestAwareAuthenticationSuccessHandler();
		redirect.setDefaultTargetUrl("/");
		return (request, response, authentication) -> {
			this.staff.findByEmail(authentication.getName())
				.ifPresent((member) -> request.getSession().setAttribute(ATTRIBUTE, Stamp.of(member)));
			redirect.onAuthenticationSuccess(request, response, authentication);
		};
	}

	/**
	 * Stamps the current session again after the signed-in person changed their own
	 * password.
	 */
	void renew(HttpServletRequest request, Staff member) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.setAttribute(ATTRIBUTE, Stamp.of(member));
		}
	}

	OncePerRequestFilter filter() {
		return new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				HttpSession session = request.getSession(false);
				Stamp stamp = (session != null) ? (Stamp) session.getAttribute(ATTRIBUTE) : null;
				if (stamp != null && !stamp.stillHolds(SessionStamp.this.staff.findById(stamp.staffId()))) {
					log.info("Session of staff {} ended: access changed since sign-in", stamp.staffId());
					session.invalidate();
					SecurityContextHolder.clearContext();
					response.sendRedirect(request.getContextPath() + "/login?expired");
					return;
				}
				chain.doFilter(request, response);
			}
		};
	}

	/**
	 * What a session was granted at sign-in.
	 */
	record Stamp(Long staffId, String role, @Nullable String passwordHash) implements java.io.Serializable {

		static Stamp of(Staff member) {
			return new Stamp(member.getId(), member.getRole().name(), member.getPasswordHash());
		}

		boolean stillHolds(Optional<Staff> current) {
			return current.filter(Staff::isActive)
				.filter((member) -> member.getRole().name().equals(this.role))
				.filter((member) -> Objects.equals(member.getPasswordHash(), this.passwordHash))
				.isPresent();
		}

	}

}
