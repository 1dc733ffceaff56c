package es.kompanion.bot.telegram;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.ResponseParameters;
import org.telegram.telegrambots.meta.api.objects.message.Message;
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
import es.kompanion.bot.conversation.OutboundFile;
import es.kompanion.bot.conversation.Reply;
import es.kompanion.bot.conversation.SentMessages;
import es.kompanion.bot.delivery.DeliveryException;
import es.kompanion.bot.delivery.OutboxHandler;
import es.kompanion.bot.file.FileStore;
import es.kompanion.bot.telegram.config.ConditionalOnTelegram;
import es.kompanion.bot.user.Channel;

/**
 * Sends the core's replies to Telegram chats as HTML messages with inline keyboards and,
 * when a reply carries files, as photos or documents uploaded from the file store. Tells
 * the outbox which failures are worth another try, and remembers which ticket each sent
 * message was about.
 */
@Component
@ConditionalOnTelegram
class TelegramDeliveryHandler implements OutboxHandler<ClientDelivery> {

	private static final Logger log = LoggerFactory.getLogger(TelegramDeliveryHandler.class);

	/** Spelled as the Bot API documents it; TelegramBots' own constant is lower case. */
	private static final String PARSE_MODE = "HTML";

	/** The longest caption Telegram accepts, counted after markup is parsed. */
	static final int MAX_CAPTION = 1024;

	/** The largest photo Telegram takes with sendPhoto; larger ones go as documents. */
	static final long MAX_PHOTO_BYTES = 10_000_000;

	private static final Set<String> PHOTO_TYPES = Set.of("image/jpeg", "image/png", "image/webp");

	private final TelegramClient telegram;

	private final FileStore files;

	private final SentMessages sentMessages;

	TelegramDeliveryHandler(TelegramClient telegram, FileStore files, SentMessages sentMessages) {
		this.telegram = telegram;
		this.files = files;
		this.sentMessages = sentMessages;
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
	 * Sends the reply. Its text is split into several messages when it is too long for
	 * one. A single file whose text fits in a caption goes as one message; otherwise the
	 * text comes first and the files after it. The buttons go under the last message.
	 */
	@Override
	public void deliver(ClientDelivery delivery) throws DeliveryException {
		String chatId = delivery.chatId();
		Reply reply = delivery.reply();
		InlineKeyboardMarkup keyboard = keyboard(reply.choices());
		List<OutboundFile> attached = reply.files();

		// Limitation: a retry after a later part failed sends the earlier parts again.
		if (attached.size() == 1 && reply.text().plainText().length() <= MAX_CAPTION) {
			String caption = reply.text().plainText().isBlank() ? null : TelegramHtml.toHtml(reply.text());
			sendFile(chatId, attached.get(0), caption, keyboard, reply.ticketId());
		}
		else {
			if (attached.isEmpty() || !reply.text().plainText().isBlank()) {
				sendText(chatId, reply, attached.isEmpty() ? keyboard : null);
			}
			for (int i = 0; i < attached.size(); i++) {
				boolean last = i == attached.size() - 1;
				sendFile(chatId, attached.get(i), null, last ? keyboard : null, reply.ticketId());
			}
		}
		log.debug("Reply sent to Telegram chat {} with {} file(s)", chatId, attached.size());
	}

	private void sendText(String chatId, Reply reply, @Nullable InlineKeyboardMarkup keyboard)
			throws DeliveryException {
		for (SendMessage message : messages(chatId, TelegramHtml.render(reply.text()), keyboard)) {
			record(chatId, send(message), reply.ticketId());
		}
	}

	static List<SendMessage> messages(String chatId, List<String> texts, @Nullable InlineKeyboardMarkup keyboard) {
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

	private @Nullable Message send(SendMessage message) throws DeliveryException {
		try {
			return this.telegram.execute(message);
		}
		catch (TelegramApiException ex) {
			throw failure(ex);
		}
	}

	/**
	 * Uploads a file: an image Telegram can show as a photo with sendPhoto, anything
	 * else, or a photo Telegram turned down, with sendDocument.
	 */
	private void sendFile(String chatId, OutboundFile file, @Nullable String caption,
			@Nullable InlineKeyboardMarkup keyboard, @Nullable Long ticketId) throws DeliveryException {
		// Stays null only when there is no photo to send, or Telegram turned it down.
		Message sent = null;
		if (isPhoto(file)) {
			try {
				sent = upload(file,
						(input) -> this.telegram.execute(SendPhoto.builder()
							.chatId(chatId)
							.photo(input)
							.caption(caption)
							.parseMode((caption != null) ? PARSE_MODE : null)
							.replyMarkup(keyboard)
							.build()));
			}
			catch (TelegramApiException ex) {
				if (TelegramErrors.code(ex) != 400) {
					throw failure(ex);
				}
				log.debug("Telegram took attachment {} not as a photo ({}); sending it as a document",
						file.attachmentId(), TelegramErrors.describe(ex));
			}
		}
		if (sent == null) {
			try {
				sent = upload(file,
						(input) -> this.telegram.execute(SendDocument.builder()
							.chatId(chatId)
							.document(input)
							.caption(caption)
							.parseMode((caption != null) ? PARSE_MODE : null)
							.replyMarkup(keyboard)
							.build()));
			}
			catch (TelegramApiException ex) {
				throw failure(ex);
			}
		}
		record(chatId, sent, ticketId);
	}

	static boolean isPhoto(OutboundFile file) {
		String type = file.mediaType().toLowerCase(Locale.ROOT).split(";")[0].strip();
		return PHOTO_TYPES.contains(type) && file.size() <= MAX_PHOTO_BYTES;
	}

	private Message upload(OutboundFile file, Upload upload) throws TelegramApiException, DeliveryException {
		InputStream content = open(file);
		try {
			return upload.send(new InputFile(content, uploadName(file.fileName())));
		}
		finally {
			try {
				content.close();
			}
			catch (IOException ex) {
				log.debug("Stored file of attachment {} did not close ({})", file.attachmentId(),
						ex.getClass().getSimpleName());
			}
		}
	}

	/**
	 * The file name as the upload carries it. TelegramBots names the upload's form part
	 * after the file and points to it by that name, so the characters a form part name
	 * cannot hold as they are would break the reference.
	 */
	static String uploadName(String fileName) {
		String name = fileName.replaceAll("[\"\\\\\\p{Cntrl}]", "_").strip();
		return name.isEmpty() ? "file" : name;
	}

	private InputStream open(OutboundFile file) throws DeliveryException {
		try {
			return this.files.open(file.storageKey());
		}
		catch (FileNotFoundException ex) {
			throw DeliveryException.permanent("Stored file of attachment " + file.attachmentId() + " is missing", null);
		}
		catch (IOException ex) {
			throw DeliveryException.retryable("Stored file of attachment " + file.attachmentId()
					+ " could not be read (" + ex.getClass().getSimpleName() + ")", null, ex);
		}
	}

	/**
	 * Remembers the ticket a sent message was about, so that a client who answers it with
	 * Telegram's reply feature reaches that ticket. The message is out either way: a
	 * failure here must not send it again.
	 */
	private void record(String chatId, @Nullable Message sent, @Nullable Long ticketId) {
		if (ticketId == null || sent == null || sent.getMessageId() == null) {
			return;
		}
		try {
			this.sentMessages.record(Channel.TELEGRAM, chatId, String.valueOf(sent.getMessageId()), ticketId);
		}
		catch (RuntimeException ex) {
			log.warn("Telegram message {} in chat {} not linked to ticket {} ({})", sent.getMessageId(), chatId,
					ticketId, ex.getClass().getSimpleName());
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

	@FunctionalInterface
	private interface Upload {

		Message send(InputFile file) throws TelegramApiException;

	}

}
