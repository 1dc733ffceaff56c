package es.kompanion.bot.conversation;

import java.time.Duration;

/**
 * A chat asked for a code to link itself and the email belongs to a client: the code is
 * to be mailed there. Published inside the transaction that stored the code.
 *
 * @param email where to send it
 * @param code the six digits
 * @param language the client's language
 * @param validity how long the code can be typed
 */
public record LinkCodeIssued(String email, String code, String language, Duration validity) {

	@Override
	public String toString() {
		return "LinkCodeIssued[language=" + this.language + "]";
	}

}
