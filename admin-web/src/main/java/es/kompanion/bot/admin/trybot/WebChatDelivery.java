package es.kompanion.bot.admin.trybot;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import es.kompanion.bot.conversation.ClientDelivery;
import es.kompanion.bot.delivery.OutboxHandler;
import es.kompanion.bot.user.Channel;

/**
 * Delivers the bot's replies on the {@code WEB} channel by writing them into the web
 * chat's transcript, where the page picks them up.
 */
@Component
class WebChatDelivery implements OutboxHandler<ClientDelivery> {

	private static final Logger log = LoggerFactory.getLogger(WebChatDelivery.class);

	private final WebChatTranscript transcript;

	WebChatDelivery(WebChatTranscript transcript) {
		this.transcript = transcript;
	}

	@Override
	public String topic() {
		return Channel.WEB.name();
	}

	@Override
	public Class<ClientDelivery> payloadType() {
		return ClientDelivery.class;
	}

	// Limitation: a reply the outbox sends again after a crash shows twice in the web
	// chat.
	@Override
	public void deliver(ClientDelivery delivery) {
		this.transcript.append(delivery.chatId(), new WebChatLine(WebChatLine.BOT, delivery.reply()));
		log.debug("Reply written to web chat {}", delivery.chatId());
	}

}
