package es.kompanion.bot.admin;

import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Spanish first, English on request ({@code ?lang=en}, remembered in a cookie).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AdminProperties.class)
class AdminWebConfiguration implements WebMvcConfigurer {

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("kompanion-lang");
		resolver.setDefaultLocale(Locale.forLanguageTag("es"));
		resolver.setCookieMaxAge(Duration.ofDays(365));
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new GetOnlyLocaleChange());
	}

	/**
	 * Spring's interceptor reads the parameter before it checks the method, and reading a
	 * parameter of a form POST consumes the body that Slack signs; this one never looks
	 * at a POST.
	 */
	private static final class GetOnlyLocaleChange extends LocaleChangeInterceptor {

		GetOnlyLocaleChange() {
			setParamName("lang");
			setIgnoreInvalidLocale(true);
		}

		@Override
		public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
				throws ServletException {
			return !"GET".equals(request.getMethod()) || super.preHandle(request, response, handler);
		}

	}

}
