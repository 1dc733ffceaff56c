package es.kompanion.bot.mail;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The core with email on, sending to {@link SmtpServer}; the outbox retries quickly.
 * Every class with this annotation shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(properties = { "kompanion.core.outbox.poll-interval=100ms", "kompanion.core.outbox.max-backoff=1s",
		"kompanion.mail.telegram-bot-username=@KompanionTestBot", "kompanion.mail.public-url=http://localhost:8080/",
		"kompanion.mail.away-after=PT15M", "logging.level.com.icegreen=WARN" })
@ContextConfiguration(initializers = SmtpServer.Initializer.class)
public @interface MailIntegrationTest {

}
