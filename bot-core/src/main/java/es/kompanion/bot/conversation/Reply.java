package es.kompanion.bot.conversation;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One message from the bot to a client, independent of the channel it travels on.
 *
 * @param text what it says
 * @param choices rows of buttons under it
 * @param ticketId the ticket it is about, if any, so a reply to it can find the ticket
 */
public record Reply(RichText text, List<List<Choice>> choices, @Nullable Long ticketId) {

	public Reply {
		choices = choices.stream().map(List::copyOf).toList();
	}

	public static Reply of(RichText text) {
		return new Reply(text, List.of(), null);
	}

}
