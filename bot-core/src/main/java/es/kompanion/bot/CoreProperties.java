package es.kompanion.bot;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the core, under {@code kompanion.core}.
 *
 * @param invitationValidity how long an invitation token can be redeemed
 * @param descriptionMinLength the shortest ticket description accepted
 * @param descriptionMaxLength the longest ticket description accepted
 * @param outbox how outgoing messages are retried
 * @param conversationExpiry how long a dialog left half-way is kept before it starts over
 */
@ConfigurationProperties("kompanion.core")
public record CoreProperties(@DefaultValue("P7D") Duration invitationValidity,
		@DefaultValue("10") int descriptionMinLength, @DefaultValue("4000") int descriptionMaxLength,
		@DefaultValue Outbox outbox, @DefaultValue("P1D") Duration conversationExpiry) {

	/**
	 * @param pollInterval how often the dispatcher looks for due messages when nothing
	 * woke it
	 * @param maxAttempts after this many failed attempts a message is given up and
	 * reported
	 * @param maxBackoff the longest wait between two attempts
	 * @param lease how long one instance owns a message it is sending
	 * @param batchSize how many streams are sent in one round
	 */
	public record Outbox(@DefaultValue("1s") Duration pollInterval, @DefaultValue("25") int maxAttempts,
			@DefaultValue("10m") Duration maxBackoff, @DefaultValue("2m") Duration lease,
			@DefaultValue("32") int batchSize) {

	}

}
