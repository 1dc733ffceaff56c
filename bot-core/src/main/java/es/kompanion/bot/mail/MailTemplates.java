package es.kompanion.bot.mail;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * Writes emails from {@code templates/mail/<name>.html} and {@code .txt}, with texts from
 * the {@code mail/messages} bundle; the subject is the bundle's
 * {@code mail.<name>.subject}.
 *
 * <p>
 * It keeps its own template engine and message source, apart from the admin web's, so
 * that emails look the same in every application that has the core. Every bundle message
 * goes through {@link java.text.MessageFormat}.
 */
@Component
class MailTemplates {

	private static final Pattern NAME = Pattern.compile("[a-z][a-z-]*");

	private final MessageSource messages;

	private final SpringTemplateEngine engine;

	MailTemplates() {
		ResourceBundleMessageSource bundle = new ResourceBundleMessageSource();
		bundle.setBasename("mail/messages");
		bundle.setDefaultEncoding("UTF-8");
		bundle.setFallbackToSystemLocale(false);
		bundle.setAlwaysUseMessageFormat(true);
		this.messages = bundle;
		this.engine = new SpringTemplateEngine();
		this.engine.setTemplateEngineMessageSource(bundle);
		this.engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 1));
		this.engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 2));
	}

	private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/mail/");
		resolver.setResolvablePatterns(Set.of(pattern));
		resolver.setTemplateMode(mode);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCheckExistence(true);
		resolver.setCacheable(true);
		resolver.setOrder(order);
		return resolver;
	}

	/**
	 * Renders one email.
	 * @param template the template's name, such as {@code ticket-received}
	 * @param variables what the template shows
	 * @param subjectArguments the arguments of the subject's message, such as a ticket
	 * number
	 */
	MailContent render(String template, Locale locale, Map<String, ?> variables, Object... subjectArguments) {
		Assert.isTrue(NAME.matcher(template).matches(), "Not a mail template name");
		Context context = new Context(locale, new HashMap<>(variables));
		String subject = this.messages.getMessage("mail." + template + ".subject", subjectArguments, locale);
		String text = this.engine.process(template + ".txt", context);
		String html = this.engine.process(template + ".html", context);
		return new MailContent(subject, text.strip() + "\n", html);
	}

	/**
	 * A message of the mail bundle, for texts that are built outside a template.
	 */
	String message(Locale locale, String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, locale);
	}

}
