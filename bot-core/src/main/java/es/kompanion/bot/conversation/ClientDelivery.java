package es.kompanion.bot.conversation;

import es.kompanion.bot.user.Channel;

/**
 * The outbox payload of a reply to a client: the chat to write to and what to write. The
 * outbox topic is the {@link es.kompanion.bot.user.Channel} name; each adapter sends its
 * own.
 */
public record ClientDelivery(String chatId, Reply reply) {

	/**
	 * The outbox stream of one chat: its messages leave one at a time, in order.
	 */
	public static String streamKey(Channel channel, String chatId) {
		return channel.name() + ":" + chatId;
	}

}
