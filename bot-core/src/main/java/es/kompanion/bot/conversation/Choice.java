package es.kompanion.bot.conversation;

import org.jspecify.annotations.Nullable;

/**
 * A button under a reply: either an action the engine understands when pressed, or a
 * link.
 *
 * @param label what the button says
 * @param action an opaque code of at most 64 bytes, sent back when pressed
 * @param url a web address to open instead
 */
public record Choice(String label, @Nullable String action, @Nullable String url) {

	public static Choice action(String label, String action) {
		return new Choice(label, action, null);
	}

	public static Choice link(String label, String url) {
		return new Choice(label, null, url);
	}

}
