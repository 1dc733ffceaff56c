package es.kompanion.bot.telegram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.ResponseParameters;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiValidationException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import org.springframework.stereotype.Component;

import es.kompanion.bot.conversation.Choice;
import es.kompanion.bot.conversation.ClientDelivery;
import es.kompanion.bot.conversation.Reply;
import es.kompanion.bot.delivery.DeliveryException;
import es.kompanion.bot.delivery.OutboxHandler;
import es.kompanion.bot.telegram.config.ConditionalOnTelegram;
import es.kompanion.bot.user.Channel;

/**
 * Sends the core's replies to Telegram chats as HTML messages with inline keyboards, and
 * tells the outbox which failures are worth another try.
 */
@Component
@ConditionalOnTelegram
class TelegramDeliveryHandler implements OutboxHandler<ClientDelivery> {

	private static final Logger log = LoggerFactory.getLogger(TelegramDeliveryHandler.class);

	/** Spelled as the Bot API documents it; TelegramBots' own constant is lower case. */
	private static final String PARSE_MODE = "HTML";

	private final TelegramClient telegram;

	TelegramDeliveryHandler(TelegramClient telegram) {
		this.telegram = telegram;
	}

	@Override
	public String topic() {
		return Channel.TELEGRAM.name();
	}

	@Override
	public Class<ClientDelivery> payloadType() {
		return ClientDelivery.class;
	}

	/**
	 * Sends the reply, split into several messages when it is too long for one; the
	 * buttons go under the last.
	 */
	@Override
	public void deliver(ClientDelivery delivery) throws DeliveryException {
		List<SendMessage> messages = messages(delivery.chatId(), delivery.reply());

		// Limitation: when a later part of a split reply fails, the retry sends the
		// earlier parts again.
		for (SendMessage message : messages) {
			send(message);
		}
		log.debug("Reply sent to Telegram chat {} in {} message(s)", delivery.chatId(), messages.size());
	}

	static List<SendMessage> messages(String chatId, Reply reply) {
		List<String> texts = TelegramHtml.render(reply.text());
		InlineKeyboardMarkup keyboard = keyboard(reply.choices());
		List<SendMessage> messages = new ArrayList<>();
		for (int i = 0; i < texts.size(); i++) {
			boolean last = i == texts.size() - 1;
			messages.add(SendMessage.builder()
				.chatId(chatId)
				.text(texts.get(i))
				.parseMode(PARSE_MODE)
				.replyMarkup(last ? keyboard : null)
				.build());
		}
		return messages;
	}

	private static @Nullable InlineKeyboardMarkup keyboard(List<List<Choice>> choices) {
		List<InlineKeyboardRow> rows = new ArrayList<>();
		for (List<Choice> line : choices) {
			InlineKeyboardRow row = new InlineKeyboardRow();
			for (Choice choice : line) {
				InlineKeyboardButton button = button(choice);
				if (button != null) {
					row.add(button);
				}
			}
			if (!row.isEmpty()) {
				rows.add(row);
			}
		}
		return rows.isEmpty() ? null : new InlineKeyboardMarkup(rows);
	}

	private static @Nullable InlineKeyboardButton button(Choice choice) {
		if (choice.action() != null) {
			return InlineKeyboardButton.builder().text(choice.label()).callbackData(choice.action()).build();
		}
		if (choice.url() != null) {
			return InlineKeyboardButton.builder().text(choice.label()).url(choice.url()).build();
		}
		log.debug("Button without action or link left out");
		return null;
	}

	private void send(SendMessage message) throws DeliveryException {
		try {
			this.telegram.execute(message);
		}
		catch (TelegramApiException ex) {
			throw failure(ex);
		}
	}

	static DeliveryException failure(TelegramApiException failure) {
		if (failure instanceof TelegramApiValidationException) {
			// Its toString prints the whole message, client text included: keep it out of
			// any log.
			return DeliveryException.permanent("Message refused before sending: " + failure.getMessage(), null);
		}
		String reason = TelegramErrors.describe(failure);
		int code = TelegramErrors.code(failure);
		if (code == 429) {
			return DeliveryException.retryable(reason, retryAfter((TelegramApiRequestException) failure), failure);
		}
		if (code == 400 || code == 403) {
			return DeliveryException.permanent(reason, failure);
		}
		return DeliveryException.retryable(reason, null, failure);
	}

	private static @Nullable Duration retryAfter(TelegramApiRequestException failure) {
		ResponseParameters parameters = failure.getParameters();
		if (parameters == null || parameters.getRetryAfter() == null) {
			return null;
		}
		return Duration.ofSeconds(parameters.getRetryAfter());
	}

}
