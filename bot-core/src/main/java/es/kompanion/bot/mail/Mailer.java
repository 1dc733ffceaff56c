package es.kompanion.bot.mail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import es.kompanion.bot.delivery.Outbox;

/**
 * Queues emails in the outbox, so that they leave if and only if the change that caused
 * them commits, and an SMTP outage delays them without losing any.
 *
 * <p>
 * Email is on when {@code spring.mail.host} is set. Without it, which is the default, an
 * email is dropped with a DEBUG line instead of being queued: mail switched on later must
 * not send months of stale notifications and expired codes at once.
 */
@Service
public class Mailer {

	/** The outbox topic of emails. */
	public static final String TOPIC = "EMAIL";

	private static final Logger log = LoggerFactory.getLogger(Mailer.class);

	private final MailTemplates templates;

	private final Outbox outbox;

	private final boolean enabled;

	Mailer(MailTemplates templates, Outbox outbox, Environment environment) {
		this.templates = templates;
		this.outbox = outbox;
		this.enabled = isOn(environment);
		if (this.enabled) {
			log.info("Email on through {}", environment.getProperty("spring.mail.host"));
		}
		else {
			log.info("Email is off: set SPRING_MAIL_HOST to send email to clients");
		}
	}

	static boolean isOn(Environment environment) {
		return StringUtils.hasText(environment.getProperty("spring.mail.host"));
	}

	/**
	 * The locale to write to a client in.
	 * @param language the client's language, {@code es} or {@code en}
	 */
	public static Locale locale(String language) {
		return language.startsWith("en") ? Locale.ENGLISH : Locale.forLanguageTag("es");
	}

	/**
	 * Whether emails are sent at all; when not, {@link #send} does nothing.
	 */
	public boolean isEnabled() {
		return this.enabled;
	}

	/**
	 * Renders {@code templates/mail/<template>.html} and {@code .txt} and queues the
	 * email in the caller's transaction. Emails to one address leave one at a time, in
	 * order. Does nothing while email is off or when the address cannot receive email. A
	 * template that cannot be rendered throws, and the caller's transaction rolls back.
	 * @param to the recipient's address
	 * @param template the template's name, such as {@code link-code}
	 * @param locale the language to write in
	 * @param variables what the template shows
	 * @param subjectArguments the arguments of the bundle's
	 * {@code mail.<template>.subject}
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void send(String to, String template, Locale locale, Map<String, ?> variables, Object... subjectArguments) {
		if (!this.enabled) {
			log.debug("Email is off; a {} email was dropped", template);
			return;
		}
		if (!canReach(to)) {
			log.debug("A {} email was dropped: the address cannot receive email", template);
			return;
		}
		queue(to, this.templates.render(template, locale, variables, subjectArguments), null);
	}

	/**
	 * Whether an address can receive email at all. Addresses under the reserved
	 * {@code .invalid} domain, such as those of the web chat's test clients, cannot.
	 */
	public static boolean canReach(@Nullable String address) {
		return StringUtils.hasText(address) && address.indexOf('@') > 0
				&& !address.strip().toLowerCase(Locale.ROOT).endsWith(".invalid");
	}

	/**
	 * Queues an email that is already rendered, in the caller's transaction.
	 * @param ticketId the ticket the email is about, if any
	 */
	void queue(String to, MailContent content, @Nullable Long ticketId) {
		String stream = streamKey(to);
		this.outbox.enqueue(TOPIC, stream, new Email(to, content.subject(), content.text(), content.html(), ticketId));
		log.debug("Email queued on stream {}", stream);
	}

	/**
	 * One stream per recipient, named by a hash so that no address is in the key.
	 */
	static String streamKey(String to) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			byte[] hash = digest.digest(to.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
			return TOPIC + ":" + HexFormat.of().formatHex(hash);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
