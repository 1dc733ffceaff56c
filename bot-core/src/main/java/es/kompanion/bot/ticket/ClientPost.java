package es.kompanion.bot.ticket;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a client writes on a ticket: text, files, or both.
 *
 * @param text what they wrote; may be empty when they only sent files
 * @param files the files that came with it
 * @param externalRef the platform's id of their chat message, so that an edit of it can
 * find it
 */
public record ClientPost(String text, List<IncomingFile> files, @Nullable String externalRef) {

	public ClientPost {
		files = List.copyOf(files);
	}

	public static ClientPost text(String text) {
		return new ClientPost(text, List.of(), null);
	}

}
