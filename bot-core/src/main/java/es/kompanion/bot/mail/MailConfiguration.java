package es.kompanion.bot.mail;

import java.util.Properties;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Sends the outbox's emails once an SMTP host is configured; without one no handler takes
 * the {@code EMAIL} topic.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailProperties.class)
class MailConfiguration {

	/**
	 * Milliseconds; Jakarta Mail waits forever by default, which would hold an outbox
	 * sender.
	 */
	private static final String TIMEOUT = "10000";

	@Bean
	@Conditional(MailHostCondition.class)
	EmailHandler emailHandler(JavaMailSender sender, MailProperties properties) {
		if (sender instanceof JavaMailSenderImpl impl) {
			Properties settings = impl.getJavaMailProperties();
			settings.putIfAbsent("mail.smtp.connectiontimeout", TIMEOUT);
			settings.putIfAbsent("mail.smtp.timeout", TIMEOUT);
			settings.putIfAbsent("mail.smtp.writetimeout", TIMEOUT);
		}
		return new EmailHandler(sender, properties);
	}

	static class MailHostCondition implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return Mailer.isOn(context.getEnvironment());
		}

	}

}
