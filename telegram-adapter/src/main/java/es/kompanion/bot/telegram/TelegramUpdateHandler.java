package es.kompanion.bot.telegram;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Document;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.photo.PhotoSize;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import org.springframework.stereotype.Component;

import es.kompanion.bot.conversation.ConversationEngine;
import es.kompanion.bot.conversation.Inbound;
import es.kompanion.bot.conversation.InboundFile;
import es.kompanion.bot.telegram.config.ConditionalOnTelegram;
import es.kompanion.bot.telegram.config.TelegramProperties;
import es.kompanion.bot.user.ChatAccount;
import es.kompanion.bot.user.Channel;

/**
 * Takes one Telegram update, whether it came by long polling or by webhook, to the
 * conversation engine. Only private chats with people count; anything else is dropped.
 * Never throws: a failure is logged once and the client gets a neutral reply.
 */
@Component
@ConditionalOnTelegram
class TelegramUpdateHandler {

	/**
	 * The update kinds the bot asks Telegram for. Edited messages are left out until the
	 * conversation can take an edit; any that still come are ignored.
	 */
	static final List<String> ALLOWED_UPDATES = List.of("message", "callback_query");

	private static final Logger log = LoggerFactory.getLogger(TelegramUpdateHandler.class);

	private static final String PHOTO_TYPE = "image/jpeg";

	private static final String FAILURE_ES = "Ha habido un problema al procesar tu mensaje. "
			+ "Inténtalo de nuevo en un momento.";

	private static final String FAILURE_EN = "Something went wrong with your message. Please try again in a moment.";

	private final ConversationEngine engine;

	private final TelegramClient telegram;

	private final String botId;

	TelegramUpdateHandler(ConversationEngine engine, TelegramClient telegram, TelegramProperties properties) {
		this.engine = engine;
		this.telegram = telegram;
		this.botId = properties.botId();
	}

	void handle(Update update) {
		String deliveryId = this.botId + ":" + update.getUpdateId();
		try {
			dispatch(deliveryId, update);
		}
		catch (RuntimeException ex) {
			log.error("Telegram update {} could not be read", deliveryId, ex);
		}
	}

	private void dispatch(String deliveryId, Update update) {
		if (update.hasMessage()) {
			onMessage(deliveryId, update.getMessage());
		}
		else if (update.hasCallbackQuery()) {
			onCallback(deliveryId, update.getCallbackQuery());
		}
		else {
			log.debug("Telegram update {} ignored: {}", deliveryId,
					update.hasEditedMessage() ? "edited message" : "unsupported kind");
		}
	}

	private void onMessage(String deliveryId, Message message) {
		User from = message.getFrom();
		if (from == null || Boolean.TRUE.equals(from.getIsBot())) {
			log.debug("Telegram update {} ignored: not from a person", deliveryId);
			return;
		}
		if (!message.isUserMessage()) {
			log.debug("Telegram update {} ignored: {} chat", deliveryId, message.getChat().getType());
			return;
		}

		ChatAccount account = account(from, message.getChatId());
		String text = (message.getText() != null) ? message.getText() : message.getCaption();
		converse(new Inbound(account, deliveryId, from.getLanguageCode(), text, null, files(message)), from);
	}

	private void onCallback(String deliveryId, CallbackQuery query) {
		try {
			MaybeInaccessibleMessage message = query.getMessage();
			User from = query.getFrom();
			if (message == null || query.getData() == null || Boolean.TRUE.equals(from.getIsBot())
					|| !message.isUserMessage()) {
				log.debug("Telegram update {} ignored: button outside a private chat", deliveryId);
				return;
			}

			ChatAccount account = account(from, message.getChatId());
			converse(Inbound.choice(account, deliveryId, from.getLanguageCode(), query.getData()), from);
		}
		finally {
			answer(deliveryId, query.getId());
		}
	}

	private void converse(Inbound inbound, User from) {
		try {
			this.engine.handle(inbound);
		}
		catch (RuntimeException ex) {
			log.error("Telegram update {} could not be handled", inbound.deliveryId(), ex);
			apologize(inbound, from.getLanguageCode());
		}
	}

	private void apologize(Inbound inbound, @Nullable String languageCode) {
		boolean english = languageCode != null && languageCode.toLowerCase(Locale.ROOT).startsWith("en");
		SendMessage notice = SendMessage.builder()
			.chatId(inbound.account().chatId())
			.text(english ? FAILURE_EN : FAILURE_ES)
			.build();
		sendQuietly(inbound.deliveryId(), notice, "failure notice");
	}

	private void answer(String deliveryId, String callbackQueryId) {
		sendQuietly(deliveryId, AnswerCallbackQuery.builder().callbackQueryId(callbackQueryId).build(),
				"button answer");
	}

	private void sendQuietly(String deliveryId, BotApiMethod<?> method, String what) {
		try {
			this.telegram.executeAsync(method).whenComplete((result, failure) -> {
				if (failure != null) {
					sendFailed(deliveryId, what, TelegramErrors.unwrap(failure));
				}
			});
		}
		catch (TelegramApiException | RuntimeException ex) {
			sendFailed(deliveryId, what, ex);
		}
	}

	private static void sendFailed(String deliveryId, String what, Throwable failure) {
		if (TelegramErrors.isStaleCallback(failure)) {
			log.debug("Telegram update {}: {} came too late", deliveryId, what);
			return;
		}
		log.warn("Telegram update {}: {} not sent ({})", deliveryId, what, TelegramErrors.describe(failure));
	}

	private static ChatAccount account(User from, Long chatId) {
		String name = (from.getLastName() != null) ? from.getFirstName() + " " + from.getLastName()
				: from.getFirstName();
		return new ChatAccount(Channel.TELEGRAM, String.valueOf(from.getId()), String.valueOf(chatId), name);
	}

	private static List<InboundFile> files(Message message) {
		List<InboundFile> files = new ArrayList<>();
		List<PhotoSize> sizes = message.getPhoto();
		if (sizes != null && !sizes.isEmpty()) {
			PhotoSize largest = sizes.get(sizes.size() - 1);
			files.add(new InboundFile(largest.getFileId(), null, PHOTO_TYPE, size(largest.getFileSize())));
		}
		Document document = message.getDocument();
		if (document != null) {
			files.add(new InboundFile(document.getFileId(), document.getFileName(), document.getMimeType(),
					size(document.getFileSize())));
		}
		return files;
	}

	private static long size(@Nullable Number size) {
		return (size != null) ? size.longValue() : -1;
	}

}
