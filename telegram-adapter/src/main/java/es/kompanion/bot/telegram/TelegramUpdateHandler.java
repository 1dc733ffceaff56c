package es.kompanion.bot.telegram;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import org.springframework.stereotype.Component;

import es.kompanion.bot.conversation.ConversationEngine;
import es.kompanion.bot.conversation.Inbound;
import es.kompanion.bot.telegram.config.ConditionalOnTelegram;
import es.kompanion.bot.telegram.config.TelegramProperties;
import es.kompanion.bot.user.ChatAccount;
import es.kompanion.bot.user.Channel;

/**
 * Takes one Telegram update, whether it came by long polling or by webhook, to the
 * conversation engine. Only private chats with people reach it; in a group the bot at
 * most points to a private chat, and anything else is dropped. Never throws: a failure is
 * logged once and the client gets a neutral reply.
 */
@Component
@ConditionalOnTelegram
class TelegramUpdateHandler {

	/**
	 * The update kinds the bot asks Telegram for.
	 */
	static final List<String> ALLOWED_UPDATES = List.of("message", "edited_message", "callback_query");

	private static final Logger log = LoggerFactory.getLogger(TelegramUpdateHandler.class);

	private static final String FAILURE_ES = "Ha habido un problema al procesar tu mensaje. "
			+ "Inténtalo de nuevo en un momento.";

	private static final String FAILURE_EN = "Something went wrong with your message. Please try again in a moment.";

	private final ConversationEngine engine;

	private final TelegramClient telegram;

	private final TelegramGroupChats groups;

	private final String botId;

	TelegramUpdateHandler(ConversationEngine engine, TelegramClient telegram, TelegramProperties properties,
			TelegramGroupChats groups) {
		this.engine = engine;
		this.telegram = telegram;
		this.groups = groups;
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
		else if (update.hasEditedMessage()) {
			onEdit(deliveryId, update.getEditedMessage());
		}
		else if (update.hasCallbackQuery()) {
			onCallback(deliveryId, update.getCallbackQuery());
		}
		else {
			log.debug("Telegram update {} ignored: unsupported kind", deliveryId);
		}
	}

	private void onMessage(String deliveryId, Message message) {
		User from = message.getFrom();
		if (from == null || Boolean.TRUE.equals(from.getIsBot())) {
			log.debug("Telegram update {} ignored: not from a person", deliveryId);
			return;
		}
		if (message.isGroupMessage() || message.isSuperGroupMessage()) {
			onGroupMessage(deliveryId, message, from);
			return;
		}
		if (!message.isUserMessage()) {
			log.debug("Telegram update {} ignored: {} chat", deliveryId, message.getChat().getType());
			return;
		}

		ChatAccount account = account(from, message.getChatId());
		converse(new Inbound(account, deliveryId, from.getLanguageCode(), text(message), null,
				TelegramMessageFiles.of(message), String.valueOf(message.getMessageId()), replyToRef(message),
				message.getMediaGroupId()), from);
	}

	/**
	 * Groups never reach the engine; a message meant for the bot gets a pointer to a
	 * private chat.
	 */
	private void onGroupMessage(String deliveryId, Message message, User from) {
		SendMessage note = this.groups.noteFor(message, from.getLanguageCode());
		if (note == null) {
			log.debug("Telegram update {} ignored: {} chat", deliveryId, message.getChat().getType());
			return;
		}
		if (!this.engine.firstDelivery(Channel.TELEGRAM, deliveryId)) {
			log.debug("Telegram update {} seen before; note not sent again", deliveryId);
			return;
		}
		sendQuietly(deliveryId, note, "private-chat note");
	}

	/**
	 * A client corrected a message: the engine makes the ticket follow. Nothing is sent
	 * back, and an edit that leaves no text changes nothing.
	 */
	private void onEdit(String deliveryId, Message message) {
		User from = message.getFrom();
		String text = text(message);
		if (from == null || Boolean.TRUE.equals(from.getIsBot()) || !message.isUserMessage() || text == null) {
			log.debug("Telegram update {} ignored: edit outside a private chat or without text", deliveryId);
			return;
		}
		try {
			this.engine.edit(account(from, message.getChatId()), deliveryId, String.valueOf(message.getMessageId()),
					text);
		}
		catch (RuntimeException ex) {
			log.error("Telegram update {}: edit could not be applied", deliveryId, ex);
		}
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
		boolean english = TelegramTexts.locale(languageCode).equals(Locale.ENGLISH);
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

	private static @Nullable String text(Message message) {
		return (message.getText() != null) ? message.getText() : message.getCaption();
	}

	/**
	 * The message a client answered with Telegram's reply feature, when it was this bot's
	 * or their own (the engine finds the ticket of either); a reply to anybody else's
	 * message is no reply the bot can place.
	 */
	private @Nullable String replyToRef(Message message) {
		Message quoted = message.getReplyToMessage();
		if (quoted == null || quoted.getFrom() == null || quoted.getMessageId() == null) {
			return null;
		}
		String author = String.valueOf(quoted.getFrom().getId());
		boolean placeable = this.botId.equals(author)
				|| (message.getFrom() != null && author.equals(String.valueOf(message.getFrom().getId())));
		return placeable ? String.valueOf(quoted.getMessageId()) : null;
	}

}
