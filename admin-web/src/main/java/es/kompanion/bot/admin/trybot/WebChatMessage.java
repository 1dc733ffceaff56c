package es.kompanion.bot.admin.trybot;

import java.util.List;

import es.kompanion.bot.conversation.Choice;
import es.kompanion.bot.conversation.RichText;

/**
 * One line of the web chat as the page reads it.
 *
 * @param id to ask for the lines after it
 * @param from {@code bot} or {@code me}
 * @param parts the text, each part bold when {@code strong}
 * @param choices rows of buttons under it
 */
record WebChatMessage(long id, String from, List<RichText.Part> parts, List<List<Choice>> choices) {

	static WebChatMessage of(long id, WebChatLine line) {
		return new WebChatMessage(id, line.from(), line.reply().text().parts(), line.reply().choices());
	}

}
