package es.kompanion.bot.admin.ticket;

import java.time.LocalDateTime;
import java.util.List;

import es.kompanion.bot.ticket.AuthorType;

/**
 * One message of a ticket's conversation as staff read it on its page.
 *
 * @param kind who wrote it, which also styles it
 * @param author the person, or what the bot recorded
 * @param text the message, or the event in words
 * @param at when, in the firm's time zone
 * @param files the files that came with it
 */
record MessageView(AuthorType kind, String author, String text, LocalDateTime at, List<FileView> files) {

	/**
	 * A file on a message: a link to download it once it is stored.
	 *
	 * @param id the attachment
	 * @param name its name
	 * @param size its size for people, such as {@code 180 KB}
	 * @param stored whether it can be downloaded
	 */
	record FileView(Long id, String name, String size, boolean stored) {

	}

}
