package es.kompanion.bot.telegram;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Locale;

import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.GetFile;
import org.telegram.telegrambots.meta.api.objects.File;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import org.springframework.stereotype.Component;

import es.kompanion.bot.delivery.DeliveryException;
import es.kompanion.bot.delivery.OutboxHandler;
import es.kompanion.bot.file.FilePolicy;
import es.kompanion.bot.file.FileStore;
import es.kompanion.bot.file.FileTooLargeException;
import es.kompanion.bot.file.StoredFile;
import es.kompanion.bot.telegram.config.ConditionalOnTelegram;
import es.kompanion.bot.telegram.config.TelegramProperties;
import es.kompanion.bot.ticket.AttachmentStatus;
import es.kompanion.bot.ticket.Attachments;
import es.kompanion.bot.ticket.TicketAttachment;

/**
 * Fetches a file a client sent on Telegram into the file store: asks Telegram where the
 * file is, then downloads it from the configured Bot API address, never from a hard-coded
 * one. The download address holds the bot token, so it is never logged nor put in an
 * error.
 */
@Component
@ConditionalOnTelegram
class TelegramFileFetcher implements OutboxHandler<TelegramFileFetch> {

	/** Telegram's answer to a bot asking for a file over its 20 MB download limit. */
	private static final String TOO_BIG = "file is too big";

	/** Well inside the outbox lease, so that no other instance starts the same fetch. */
	private static final Duration DOWNLOAD_TIMEOUT = Duration.ofSeconds(90);

	private static final Logger log = LoggerFactory.getLogger(TelegramFileFetcher.class);

	private final TelegramClient telegram;

	private final Attachments attachments;

	private final FileStore files;

	private final FilePolicy policy;

	private final HttpUrl downloads;

	private final OkHttpClient http;

	TelegramFileFetcher(TelegramClient telegram, TelegramProperties properties, Attachments attachments,
			FileStore files, FilePolicy policy) {
		this.telegram = telegram;
		this.attachments = attachments;
		this.files = files;
		this.policy = policy;
		this.downloads = downloads(properties);
		this.http = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(10))
			.readTimeout(Duration.ofSeconds(30))
			.callTimeout(DOWNLOAD_TIMEOUT)
			.build();
	}

	private static HttpUrl downloads(TelegramProperties properties) {
		TelegramUrl api = properties.telegramUrl();
		return new HttpUrl.Builder().scheme(api.getSchema())
			.host(api.getHost())
			.port(api.getPort())
			.addPathSegment("file")
			.addPathSegment("bot" + properties.token())
			.build();
	}

	@Override
	public String topic() {
		return TelegramFileFetch.TOPIC;
	}

	@Override
	public Class<TelegramFileFetch> payloadType() {
		return TelegramFileFetch.class;
	}

	/**
	 * Fetches the file unless it was stored or given up meanwhile. A file too large for
	 * Telegram or for the firm is marked as failed at once; a busy or unreachable
	 * Telegram is worth another try.
	 */
	@Override
	public void deliver(TelegramFileFetch fetch) throws DeliveryException {
		TicketAttachment attachment = this.attachments.find(fetch.attachmentId()).orElse(null);
		if (attachment == null || attachment.getStatus() != AttachmentStatus.PENDING) {
			log.debug("Attachment {} no longer waits for its file", fetch.attachmentId());
			return;
		}

		File file = locate(attachment);
		StoredFile stored = download(attachment, file);

		// Limitation: if this fails, the retry leaves an unused copy in the store.
		this.attachments.stored(attachment.getId(), stored.key(), stored.size());
		log.debug("Attachment {} fetched from Telegram ({} bytes)", attachment.getId(), stored.size());
	}

	private File locate(TicketAttachment attachment) throws DeliveryException {
		File file;
		try {
			file = this.telegram.execute(new GetFile(attachment.getSourceRef()));
		}
		catch (TelegramApiException ex) {
			if (TelegramErrors.code(ex) == 400
					&& TelegramErrors.describe(ex).toLowerCase(Locale.ROOT).contains(TOO_BIG)) {
				throw refuse(attachment, "larger than the 20 MB Telegram lets bots download");
			}
			throw TelegramDeliveryHandler.failure(ex);
		}
		if (file == null || file.getFilePath() == null || file.getFilePath().isBlank()) {
			throw DeliveryException.permanent("Telegram gave no download path", null);
		}
		if (file.getFileSize() != null && file.getFileSize() > this.policy.maxBytes()) {
			throw refuse(attachment, tooLarge());
		}
		return file;
	}

	private StoredFile download(TicketAttachment attachment, File file) throws DeliveryException {
		HttpUrl url = this.downloads.newBuilder().addPathSegments(file.getFilePath()).build();
		try (Response response = this.http.newCall(new Request.Builder().url(url).get().build()).execute()) {
			ResponseBody body = response.body();
			if (!response.isSuccessful() || body == null) {
				throw downloadFailure(response);
			}
			if (body.contentLength() > this.policy.maxBytes()) {
				throw refuse(attachment, tooLarge());
			}
			try (InputStream content = body.byteStream()) {
				return this.files.save(content, this.policy.maxBytes());
			}
		}
		catch (FileTooLargeException ex) {
			throw refuse(attachment, tooLarge());
		}
		catch (IOException ex) {
			// Neither the exception nor its cause goes along: they may name the address.
			throw DeliveryException.retryable("File download failed (" + TelegramErrors.describe(ex) + ")", null, null);
		}
	}

	private static DeliveryException downloadFailure(Response response) {
		int code = response.code();
		String reason = "File download answered HTTP " + code;
		if (code == 429) {
			return DeliveryException.retryable(reason, retryAfter(response.header("Retry-After")), null);
		}
		// A 404 means the path expired: the next attempt asks for a new one.
		if (code >= 500 || code == 404 || code == 408) {
			return DeliveryException.retryable(reason, null, null);
		}
		return DeliveryException.permanent(reason, null);
	}

	private static @Nullable Duration retryAfter(@Nullable String seconds) {
		try {
			return (seconds != null) ? Duration.ofSeconds(Long.parseLong(seconds.strip())) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private String tooLarge() {
		long megabytes = this.policy.maxBytes() / (1024 * 1024);
		return (megabytes > 0) ? "larger than the " + megabytes + " MB the firm takes"
				: "larger than the " + this.policy.maxBytes() + " bytes the firm takes";
	}

	/**
	 * Marks the file as failed for good, so staff see why it is missing, and gives up its
	 * fetch.
	 */
	private DeliveryException refuse(TicketAttachment attachment, String reason) {
		this.attachments.failed(attachment.getId(), reason);
		log.debug("Attachment {} not fetched: {}", attachment.getId(), reason);
		return DeliveryException.permanent("File " + reason, null);
	}

}
