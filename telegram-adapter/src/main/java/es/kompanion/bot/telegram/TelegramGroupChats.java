package es.kompanion.bot.telegram;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.MessageEntity;
import org.telegram.telegrambots.meta.api.objects.ReplyParameters;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import es.kompanion.bot.telegram.config.ConditionalOnTelegram;
import es.kompanion.bot.telegram.config.TelegramProperties;

/**
 * Decides what the bot says in a group, where it serves nobody: a command or a mention
 * addressed to it gets one short note that it works in private chats only; anything else
 * gets nothing, so the bot never talks over a group's own conversation.
 */
@Component
@ConditionalOnTelegram
class TelegramGroupChats {

	static final String PRIVATE_ONLY = "chat.private-only";

	private static final Logger log = LoggerFactory.getLogger(TelegramGroupChats.class);

	private final TelegramClient telegram;

	private final MessageSource messages;

	private final String botId;

	private volatile @Nullable String username;

	TelegramGroupChats(TelegramClient telegram, MessageSource messages, TelegramProperties properties) {
		this.telegram = telegram;
		this.messages = messages;
		this.botId = properties.botId();
	}

	/**
	 * The note to send in answer to a group message, or {@code null} when the message is
	 * not meant for the bot.
	 */
	@Nullable SendMessage noteFor(Message message, @Nullable String languageCode) {
		if (!isAddressed(message)) {
			return null;
		}
		Locale locale = TelegramTexts.locale(languageCode);
		return SendMessage.builder()
			.chatId(message.getChatId())
			.text(TelegramTexts.text(this.messages, PRIVATE_ONLY, locale))
			.replyParameters(
					ReplyParameters.builder().messageId(message.getMessageId()).allowSendingWithoutReply(true).build())
			.build();
	}

	private boolean isAddressed(Message message) {
		String text = (message.getText() != null) ? message.getText() : message.getCaption();
		if (text == null || text.isBlank()) {
			return false;
		}
		String first = text.strip().split("\\s+", 2)[0];
		if (first.length() > 1 && first.startsWith("/")) {
			int at = first.indexOf('@');
			return at < 0 || isBot(first.substring(at + 1));
		}
		List<MessageEntity> entities = (message.getText() != null) ? message.getEntities()
				: message.getCaptionEntities();
		return entities != null && entities.stream().anyMatch((entity) -> mentionsBot(text, entity));
	}

	private boolean mentionsBot(String text, MessageEntity entity) {
		if ("text_mention".equals(entity.getType())) {
			User user = entity.getUser();
			return user != null && this.botId.equals(String.valueOf(user.getId()));
		}
		if (!"mention".equals(entity.getType()) || entity.getOffset() == null || entity.getLength() == null) {
			return false;
		}
		int start = entity.getOffset();
		int end = start + entity.getLength();
		if (start < 0 || end > text.length() || end - start < 2) {
			return false;
		}
		return isBot(text.substring(start + 1, end));
	}

	private boolean isBot(String name) {
		String own = username();
		return own != null && own.equalsIgnoreCase(name);
	}

	/**
	 * The bot's username, asked of Telegram the first time a group message names a bot.
	 */
	private @Nullable String username() {
		String known = this.username;
		if (known != null) {
			return known;
		}
		try {
			User self = this.telegram.execute(new GetMe());
			known = (self != null) ? self.getUserName() : null;
			this.username = known;
			return known;
		}
		catch (TelegramApiException | RuntimeException ex) {
			log.warn("Telegram bot username unknown ({}); group messages naming a bot are not answered",
					TelegramErrors.describe(ex));
			return null;
		}
	}

}
