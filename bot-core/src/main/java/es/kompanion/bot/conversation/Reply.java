package es.kompanion.bot.conversation;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One message from the bot to a client, independent of the channel it travels on.
 *
 * @param text what it says
 * @param choices rows of buttons under it
 * @param ticketId the ticket it is about, if any, so a reply to it can find the ticket
 * @param files files that go with it; channels send them before or with the text
 */
public record Reply(RichText text, List<List<Choice>> choices, @Nullable Long ticketId, List<OutboundFile> files) {

	public Reply {
		choices = choices.stream().map(List::copyOf).toList();
		files = (files != null) ? List.copyOf(files) : List.of();
	}

	public Reply(RichText text, List<List<Choice>> choices, @Nullable Long ticketId) {
		this(text, choices, ticketId, List.of());
	}

	public static Reply of(RichText text) {
		return new Reply(text, List.of(), null);
	}

}
