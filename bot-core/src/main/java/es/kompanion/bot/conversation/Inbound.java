package es.kompanion.bot.conversation;

import java.util.List;

import org.jspecify.annotations.Nullable;

import es.kompanion.bot.user.ChatAccount;

/**
 * One thing a client did in a chat, in channel-neutral terms.
 *
 * @param account who did it and where to answer
 * @param deliveryId the platform's id of this delivery, to process it once
 * @param languageCode the language the channel reports for the user, such as {@code es}
 * @param text what they wrote, if anything (for files, their caption)
 * @param choice the {@link Choice#action()} of the button they pressed, if any
 * @param files the files they sent
 * @param messageRef the platform's id of their message within the chat, so that a later
 * edit of it can be matched
 * @param replyToRef the platform's id of the bot message they answered with their
 * platform's reply feature, if any
 * @param mediaGroupId the album the message belongs to: platforms that send an album as
 * several messages give them all the same id
 */
public record Inbound(ChatAccount account, String deliveryId, @Nullable String languageCode, @Nullable String text,
		@Nullable String choice, List<InboundFile> files, @Nullable String messageRef, @Nullable String replyToRef,
		@Nullable String mediaGroupId) {

	public Inbound {
		files = List.copyOf(files);
	}

	public Inbound(ChatAccount account, String deliveryId, @Nullable String languageCode, @Nullable String text,
			@Nullable String choice, List<InboundFile> files) {
		this(account, deliveryId, languageCode, text, choice, files, null, null, null);
	}

	public static Inbound text(ChatAccount account, String deliveryId, @Nullable String languageCode, String text) {
		return new Inbound(account, deliveryId, languageCode, text, null, List.of());
	}

	public static Inbound choice(ChatAccount account, String deliveryId, @Nullable String languageCode, String choice) {
		return new Inbound(account, deliveryId, languageCode, null, choice, List.of());
	}

}
