package es.kompanion.bot.user;

import org.jspecify.annotations.Nullable;

/**
 * What happened when a chat account presented an invitation token.
 *
 * @param result the kind of outcome
 * @param client the linked client, when the result is {@link Result#LINKED} or
 * {@link Result#ALREADY_LINKED}
 */
public record LinkOutcome(Result result, @Nullable LinkedClient client) {

	public enum Result {

		/** The account is now linked to the invitation's client. */
		LINKED,
		/** The account was linked before; the token was left untouched. */
		ALREADY_LINKED,
		/** Unknown, used or expired token: the same answer for all three. */
		INVALID

	}

}
