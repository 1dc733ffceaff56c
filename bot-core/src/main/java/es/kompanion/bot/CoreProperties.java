package es.kompanion.bot;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the core, under {@code kompanion.core}.
 *
 * @param invitationValidity how long an invitation token can be redeemed
 * @param descriptionMinLength the shortest ticket description accepted
 * @param descriptionMaxLength the longest ticket description accepted
 * @param outbox how outgoing messages are retried
 * @param conversationExpiry how long a dialog left half-way is kept before it starts over
 * @param reopenWindow a message on a ticket closed less than this ago reopens it; later
 * it starts a follow-up ticket
 * @param recentTicketWindow a new ticket in a department where the client has an open
 * ticket younger than this gets the offer to add to that one instead
 * @param files where files are kept and which ones are taken
 * @param linkCodes how codes sent by email to link a chat behave
 */
@ConfigurationProperties("kompanion.core")
public record CoreProperties(@DefaultValue("P7D") Duration invitationValidity,
		@DefaultValue("10") int descriptionMinLength, @DefaultValue("4000") int descriptionMaxLength,
		@DefaultValue Outbox outbox, @DefaultValue("P1D") Duration conversationExpiry,
		@DefaultValue("P7D") Duration reopenWindow, @DefaultValue("P1D") Duration recentTicketWindow,
		@DefaultValue Files files, @DefaultValue LinkCodes linkCodes) {

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

	/**
	 * @param directory the folder of the default file store
	 * @param maxSize the largest file taken; Telegram bots cannot fetch more than 20 MB
	 */
	public record Files(@DefaultValue("./data/files") String directory, @DefaultValue("20MB") DataSize maxSize) {

	}

	/**
	 * @param validity how long a code can be typed
	 * @param maxAttempts wrong codes allowed before the code stops working
	 * @param perAccount codes one chat account may ask for within the window
	 * @param perEmail codes one email may receive within the window
	 * @param window the time over which requests are counted
	 */
	public record LinkCodes(@DefaultValue("PT15M") Duration validity, @DefaultValue("5") int maxAttempts,
			@DefaultValue("3") int perAccount, @DefaultValue("3") int perEmail, @DefaultValue("PT1H") Duration window) {

	}

}
