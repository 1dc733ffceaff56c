package es.kompanion.bot.mail;

import org.jspecify.annotations.Nullable;

/**
 * The outbox payload of one email.
 *
 * @param to the recipient's address
 * @param ticketId the ticket the email is about, so that staff hear when it cannot be
 * delivered; {@code null} for other emails
 */
record Email(String to, String subject, String text, String html, @Nullable Long ticketId) {

	@Override
	public String toString() {
		return "Email[ticketId=" + this.ticketId + "]";
	}

}
