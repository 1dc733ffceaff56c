package es.kompanion.bot.slack.ticket;

import java.io.IOException;
import java.io.InputStream;

import com.slack.api.bolt.App;
import com.slack.api.model.File;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import es.kompanion.bot.delivery.DeliveryException;
import es.kompanion.bot.delivery.OutboxHandler;
import es.kompanion.bot.file.FilePolicy;
import es.kompanion.bot.file.FileStore;
import es.kompanion.bot.file.FileTooLargeException;
import es.kompanion.bot.file.StoredFile;
import es.kompanion.bot.slack.ConditionalOnSlackStaffChannel;
import es.kompanion.bot.slack.SlackProperties;
import es.kompanion.bot.ticket.AttachmentStatus;
import es.kompanion.bot.ticket.Attachments;
import es.kompanion.bot.ticket.TicketAttachment;

/**
 * Fetches a file shared in Slack into the file store: {@code files.info} gives its
 * private download address, which is read with the bot token and streamed into the store,
 * never past the size the firm takes.
 *
 * <p>
 * The token goes only where {@link SlackFileHosts} allows. Redirects are followed by
 * hand, each checked the same way, so that no answer from anywhere can send the token
 * elsewhere. A file that is too large, or whose address is elsewhere, is recorded as
 * failed at once; network trouble and Slack's passing errors are tried again.
 */
@Component
@ConditionalOnSlackStaffChannel
class SlackFileFetcher implements OutboxHandler<SlackFileFetch> {

	private static final Logger log = LoggerFactory.getLogger(SlackFileFetcher.class);

	private static final int MAX_REDIRECTS = 3;

	private final Attachments attachments;

	private final FileStore files;

	private final FilePolicy policy;

	private final App app;

	private final SlackFileHosts hosts;

	private final OkHttpClient http;

	private final String token;

	SlackFileFetcher(Attachments attachments, FileStore files, FilePolicy policy, App app, SlackProperties properties) {
		this.attachments = attachments;
		this.files = files;
		this.policy = policy;
		this.app = app;
		this.hosts = new SlackFileHosts(properties.apiUrl());
		this.http = app.slack()
			.getHttpClient()
			.getOkHttpClient()
			.newBuilder()
			.followRedirects(false)
			.followSslRedirects(false)
			.build();
		this.token = properties.botToken();
	}

	@Override
	public String topic() {
		return SlackFileFetch.TOPIC;
	}

	@Override
	public Class<SlackFileFetch> payloadType() {
		return SlackFileFetch.class;
	}

	@Override
	public void deliver(SlackFileFetch fetch) throws DeliveryException {
		TicketAttachment attachment = this.attachments.find(fetch.attachmentId())
			.orElseThrow(() -> DeliveryException.permanent("attachment " + fetch.attachmentId() + " not found", null));
		if (attachment.getStatus() != AttachmentStatus.PENDING) {
			log.debug("Attachment {} was settled before its fetch", attachment.getId());
			return;
		}

		File file = SlackCalls
			.call(this.app.client(), "files.info",
					(client) -> client.filesInfo((r) -> r.file(attachment.getSourceRef())))
			.getFile();
		if (file == null || !StringUtils.hasText(file.getUrlPrivateDownload())) {
			throw DeliveryException.permanent("files.info gave no download address", null);
		}
		if (file.getSize() != null && file.getSize() > this.policy.maxBytes()) {
			throw giveUp(attachment, tooLarge());
		}
		String name = StringUtils.hasText(file.getName()) ? file.getName() : attachment.getFileName();
		String type = StringUtils.hasText(file.getMimetype()) ? file.getMimetype() : attachment.getMediaType();
		if (this.policy.judge(name, type, -1) == FilePolicy.Verdict.TYPE_REFUSED) {
			throw giveUp(attachment, "file type not allowed");
		}

		StoredFile stored = download(attachment, HttpUrl.parse(file.getUrlPrivateDownload()));
		this.attachments.stored(attachment.getId(), stored.key(), stored.size(), name, type);
		log.debug("Attachment {} fetched from Slack ({} bytes)", attachment.getId(), stored.size());
	}

	private StoredFile download(TicketAttachment attachment, @Nullable HttpUrl address) throws DeliveryException {
		HttpUrl url = address;
		for (int redirects = 0; redirects <= MAX_REDIRECTS; redirects++) {
			if (url == null || !this.hosts.mayReceiveToken(url)) {
				throw giveUp(attachment, "download address is not on files.slack.com");
			}
			Request request = new Request.Builder().url(url).header("Authorization", "Bearer " + this.token).build();
			try (Response response = this.http.newCall(request).execute()) {
				if (response.isRedirect()) {
					String location = response.header("Location");
					url = (location != null) ? response.request().url().resolve(location) : null;
					continue;
				}
				return save(attachment, response);
			}
			catch (FileTooLargeException ex) {
				throw giveUp(attachment, tooLarge());
			}
			catch (IOException ex) {
				throw DeliveryException.retryable("file download failed: " + ex.getClass().getSimpleName(), null, ex);
			}
		}
		throw DeliveryException.permanent("file download redirected more than " + MAX_REDIRECTS + " times", null);
	}

	private StoredFile save(TicketAttachment attachment, Response response) throws IOException, DeliveryException {
		if (!response.isSuccessful()) {
			throw downloadRefused(response.code(), response.header("Retry-After"));
		}
		ResponseBody body = response.body();
		if (body == null) {
			throw DeliveryException.retryable("file download answered without a body", null, null);
		}
		if (isWebPage(body.contentType())) {
			log.warn("Slack answered the download of attachment {} with a web page: add the files:read scope to "
					+ "the Slack app and reinstall it", attachment.getId());
			throw DeliveryException.retryable("file download answered with a web page", null, null);
		}
		if (body.contentLength() > this.policy.maxBytes()) {
			throw giveUp(attachment, tooLarge());
		}
		try (InputStream content = body.byteStream()) {
			return this.files.save(content, this.policy.maxBytes());
		}
	}

	/**
	 * Whether Slack sent a sign-in page instead of the file, as it does to a token
	 * without {@code files:read}. The firm takes no web pages as files.
	 */
	private static boolean isWebPage(@Nullable MediaType type) {
		return type != null && "text".equals(type.type()) && "html".equals(type.subtype());
	}

	private static DeliveryException downloadRefused(int status, @Nullable String retryAfter) {
		String reason = "file download answered HTTP " + status;
		if (SlackCalls.isPassing(status)) {
			return DeliveryException.retryable(reason, SlackCalls.retryAfter(retryAfter), null);
		}
		return DeliveryException.permanent(reason, null);
	}

	private String tooLarge() {
		return "larger than " + FileSizes.megabytes(this.policy.maxBytes());
	}

	/**
	 * Records the file as failed for good, so that nobody waits for it.
	 */
	private DeliveryException giveUp(TicketAttachment attachment, String reason) {
		log.warn("Attachment {} not fetched from Slack: {}", attachment.getId(), reason);
		this.attachments.failed(attachment.getId(), reason);
		return DeliveryException.permanent(reason, null);
	}

}
