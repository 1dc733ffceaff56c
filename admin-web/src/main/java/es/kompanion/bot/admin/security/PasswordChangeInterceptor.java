package es.kompanion.bot.admin.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Sends a staff member who signed in with a one-time password to choose their own before
 * anything else.
 */
@Component
class PasswordChangeInterceptor implements HandlerInterceptor, WebMvcConfigurer {

	private final CurrentStaff current;

	PasswordChangeInterceptor(CurrentStaff current) {
		this.current = current;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this)
			.excludePathPatterns("/account/password", "/login", "/logout", "/error", "/admin/**", "/webjars/**",
					"/telegram/**", "/slack/**", "/actuator/**");
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws Exception {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
			return true;
		}
		boolean required = this.current.find().map((staff) -> staff.isPasswordChangeRequired()).orElse(false);
		if (required) {
			response.sendRedirect(request.getContextPath() + "/account/password");
			return false;
		}
		return true;
	}

}
