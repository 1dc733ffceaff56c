package es.kompanion.bot.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;

import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

import es.kompanion.bot.delivery.DeliveryException;
import es.kompanion.bot.delivery.OutboxHandler;

/**
 * Sends queued emails through the SMTP server as plain text with an HTML alternative.
 *
 * <p>
 * Whatever may pass (the server is down, busy or refuses our credentials) is retried, so
 * an outage delays email without losing any; an address the server rejects for good, or
 * one that is not an address, is given up.
 */
class EmailHandler implements OutboxHandler<Email> {

	private final JavaMailSender sender;

	private final InternetAddress from;

	EmailHandler(JavaMailSender sender, MailProperties properties) {
		this.sender = sender;
		try {
			this.from = new InternetAddress(properties.from(), true);
		}
		catch (AddressException ex) {
			throw new IllegalStateException("kompanion.mail.from is not an email address", ex);
		}
	}

	@Override
	public String topic() {
		return Mailer.TOPIC;
	}

	@Override
	public Class<Email> payloadType() {
		return Email.class;
	}

	@Override
	public void deliver(Email email) throws DeliveryException {
		MimeMessage message = this.sender.createMimeMessage();
		try {
			MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
			helper.setFrom(this.from);
			helper.setTo(new InternetAddress(email.to(), true));
			helper.setSubject(email.subject());
			helper.setText(email.text(), email.html());
			message.setHeader("Auto-Submitted", "auto-generated");
		}
		catch (MessagingException ex) {
			throw DeliveryException.permanent("not a valid email address or message", null);
		}
		try {
			this.sender.send(message);
		}
		catch (MailException ex) {
			throw failure(ex);
		}
	}

	/**
	 * Tells a failure that may pass from one that will not. The reason never carries what
	 * the server said, which often names the address.
	 */
	static DeliveryException failure(MailException ex) {
		if (ex instanceof MailAuthenticationException) {
			return DeliveryException.retryable("SMTP authentication failed", null, ex);
		}
		if (ex instanceof MailParseException || ex instanceof MailPreparationException) {
			return DeliveryException.permanent("email could not be prepared", ex);
		}
		if (rejectsRecipient(ex.getCause())) {
			return DeliveryException.permanent("SMTP server rejected the recipient", ex);
		}
		if (ex instanceof MailSendException send) {
			for (Exception cause : send.getMessageExceptions()) {
				if (rejectsRecipient(cause)) {
					return DeliveryException.permanent("SMTP server rejected the recipient", ex);
				}
			}
		}
		return DeliveryException.retryable("SMTP server unreachable or refused for now", null, ex);
	}

	private static boolean rejectsRecipient(@Nullable Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SendFailedException sendFailed && sendFailed.getInvalidAddresses() != null
					&& sendFailed.getInvalidAddresses().length > 0) {
				return true;
			}
			if (cause == cause.getCause()) {
				return false;
			}
		}
		return false;
	}

}
