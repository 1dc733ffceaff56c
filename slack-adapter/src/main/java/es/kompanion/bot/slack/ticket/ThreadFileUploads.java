package es.kompanion.bot.slack.ticket;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import com.slack.api.bolt.App;
import com.slack.api.methods.request.files.FilesCompleteUploadExternalRequest.FileDetails;
import com.slack.api.methods.response.files.FilesGetUploadURLExternalResponse;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import okio.Okio;
import okio.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import es.kompanion.bot.delivery.DeliveryException;
import es.kompanion.bot.file.FileStore;
import es.kompanion.bot.slack.ConditionalOnSlackStaffChannel;
import es.kompanion.bot.slack.SlackProperties;
import es.kompanion.bot.ticket.AttachmentStatus;
import es.kompanion.bot.ticket.TicketAttachment;

/**
 * Puts a stored file into a thread of the staff channel with Slack's external upload: ask
 * for an upload address, send the bytes there, then share the file in the thread. The
 * bytes are streamed from the file store, never held whole in memory, and the bot token
 * is not sent with them.
 *
 * <p>
 * Every attempt starts over with a new upload address, so a retry after a failed share
 * may leave an unshared upload behind in Slack, which nobody sees.
 */
@Component
@ConditionalOnSlackStaffChannel
class ThreadFileUploads {

	private static final Logger log = LoggerFactory.getLogger(ThreadFileUploads.class);

	private static final MediaType OCTET_STREAM = MediaType.get("application/octet-stream");

	private final App app;

	private final FileStore files;

	private final SlackFileHosts hosts;

	private final OkHttpClient http;

	ThreadFileUploads(App app, FileStore files, SlackProperties properties) {
		this.app = app;
		this.files = files;
		this.hosts = new SlackFileHosts(properties.apiUrl());
		this.http = app.slack().getHttpClient().getOkHttpClient().newBuilder().followRedirects(false).build();
	}

	/**
	 * @param comment shown with the file, in Slack's message format
	 */
	void upload(TicketAttachment attachment, String channel, String thread, String comment) throws DeliveryException {
		String key = storedKey(attachment);
		String name = attachment.getFileName();
		long size = attachment.getSize();

		FilesGetUploadURLExternalResponse target = SlackCalls.call(this.app.client(), "files.getUploadURLExternal",
				(client) -> client.filesGetUploadURLExternal((r) -> r.filename(name).length(Math.toIntExact(size))));
		sendBytes(attachment, key, size, target.getUploadUrl());
		FileDetails file = FileDetails.builder().id(target.getFileId()).title(name).build();
		SlackCalls.call(this.app.client(), "files.completeUploadExternal",
				(client) -> client.filesCompleteUploadExternal(
						(r) -> r.files(List.of(file)).channelId(channel).threadTs(thread).initialComment(comment)));
		log.debug("Attachment {} shared in the staff thread", attachment.getId());
	}

	private static String storedKey(TicketAttachment attachment) throws DeliveryException {
		String key = attachment.getStorageKey();
		if (attachment.getStatus() != AttachmentStatus.STORED || key == null) {
			throw DeliveryException.permanent("attachment " + attachment.getId() + " is not stored", null);
		}
		return key;
	}

	private void sendBytes(TicketAttachment attachment, String key, long size, String uploadUrl)
			throws DeliveryException {
		HttpUrl url = StringUtils.hasText(uploadUrl) ? HttpUrl.parse(uploadUrl) : null;
		if (url == null || !this.hosts.mayReceiveUpload(url)) {
			throw DeliveryException.permanent("files.getUploadURLExternal returned an upload address off Slack", null);
		}
		try (InputStream content = this.files.open(key)) {
			Request request = new Request.Builder().url(url).post(new StreamedBody(content, size)).build();
			try (Response response = this.http.newCall(request).execute()) {
				if (!response.isSuccessful()) {
					throw uploadRefused(response);
				}
			}
		}
		catch (FileNotFoundException ex) {
			throw DeliveryException.permanent("stored file of attachment " + attachment.getId() + " is missing", ex);
		}
		catch (IOException ex) {
			throw DeliveryException.retryable("file upload failed: " + ex.getClass().getSimpleName(), null, ex);
		}
	}

	private static DeliveryException uploadRefused(Response response) {
		String reason = "file upload answered HTTP " + response.code();
		if (SlackCalls.isPassing(response.code())) {
			return DeliveryException.retryable(reason, SlackCalls.retryAfter(response.header("Retry-After")), null);
		}
		return DeliveryException.permanent(reason, null);
	}

	/**
	 * The bytes of a stored file, read once as they are sent.
	 */
	private static final class StreamedBody extends RequestBody {

		private final InputStream content;

		private final long length;

		StreamedBody(InputStream content, long length) {
			this.content = content;
			this.length = length;
		}

		@Override
		public MediaType contentType() {
			return OCTET_STREAM;
		}

		@Override
		public long contentLength() {
			return this.length;
		}

		@Override
		public boolean isOneShot() {
			return true;
		}

		@Override
		public void writeTo(BufferedSink sink) throws IOException {
			Source source = Okio.source(this.content);
			sink.writeAll(source);
		}

	}

}
