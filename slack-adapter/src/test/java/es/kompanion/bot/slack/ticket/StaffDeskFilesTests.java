package es.kompanion.bot.slack.ticket;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import es.kompanion.bot.delivery.DeliveryException;
import es.kompanion.bot.file.LocalFileStore;
import es.kompanion.bot.file.StoredFile;
import es.kompanion.bot.slack.SlackProperties;
import es.kompanion.bot.ticket.AttachmentDirection;
import es.kompanion.bot.ticket.AttachmentStatus;
import es.kompanion.bot.ticket.Attachments;
import es.kompanion.bot.ticket.TicketAttachment;
import es.kompanion.bot.ticket.TicketStatus;
import es.kompanion.bot.ticket.Tickets;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.mock;
import static org.mockito.BDDMockito.then;

/**
 * Client files in the staff thread: uploaded with Slack's external upload, or noted when
 * they could not be fetched.
 */
@ExtendWith(OutputCaptureExtension.class)
class StaffDeskFilesTests {

	private static final String UPLOAD_PATH = "/upload/v1/CwABAAAAXAoAAZnKgwA";

	private static final String POSTED = """
			{"ok":true,"channel":"C0STAFF","ts":"1712345678.000100",
			 "message":{"type":"message","subtype":"bot_message","text":"#1042","ts":"1712345678.000100",
			            "username":"kompanion","bot_id":"B1"}}""";

	private static final String COMPLETED = """
			{"ok":true,"files":[{"id":"F07CUH3L9SA","title":"foto del recibo.jpg"}]}""";

	private final WireMockServer slack = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

	private final Tickets tickets = mock(Tickets.class);

	private final Attachments attachments = mock(Attachments.class);

	private final JsonMapper json = JsonMapper.builder().build();

	private LocalFileStore files;

	private StaffDeskHandler handler;

	@BeforeEach
	void startSlack(@TempDir Path folder) {
		this.slack.start();
		SlackProperties properties = new SlackProperties("xoxb-test", "secret", "", "C0STAFF",
				"http://127.0.0.1:" + this.slack.port() + "/api/", "/slack/events");
		SlackConfig config = new SlackConfig();
		config.setMethodsEndpointUrlPrefix(properties.apiUrl());
		config.setStatsEnabled(false);
		App app = new App(AppConfig.builder()
			.singleTeamBotToken(properties.botToken())
			.signingSecret(properties.signingSecret())
			.slack(Slack.getInstance(config))
			.build());
		this.files = new LocalFileStore(folder, Clock.systemUTC());
		this.handler = new StaffDeskHandler(this.tickets, this.attachments, app,
				new ThreadFileUploads(app, this.files, properties), properties);
	}

	@AfterEach
	void stopSlack() {
		this.slack.stop();
	}

	@Test
	void uploadsAClientPhotoIntoTheTicketThread() throws Exception {
		byte[] photo = photo();
		storedClientFile(31L, "foto del recibo.jpg", photo);
		given(this.tickets.summary(7L)).willReturn(TicketFixtures.ticket(TicketStatus.OPEN, TicketFixtures.THREAD));
		slackTakesUploads(uploadAddress());

		this.handler.deliver(StaffDeskUpdate.postFile(7L, 31L));

		LoggedRequest target = onlyRequestTo("/api/files.getUploadURLExternal");
		assertThat(target.formParameter("filename").firstValue()).isEqualTo("foto del recibo.jpg");
		assertThat(target.formParameter("length").firstValue()).isEqualTo(String.valueOf(photo.length));
		LoggedRequest upload = onlyRequestTo(UPLOAD_PATH);
		assertThat(upload.getBody()).isEqualTo(photo);
		assertThat(upload.containsHeader("Authorization")).isFalse();
		LoggedRequest share = onlyRequestTo("/api/files.completeUploadExternal");
		assertThat(share.formParameter("channel_id").firstValue()).isEqualTo("C0STAFF");
		assertThat(share.formParameter("thread_ts").firstValue()).isEqualTo(TicketFixtures.THREAD);
		assertThat(share.formParameter("initial_comment").firstValue())
			.isEqualTo(":paperclip: Archivo enviado por *Ana &lt;García&gt; &amp; Co*");
		JsonNode shared = this.json.readTree(share.formParameter("files").firstValue());
		assertThat(shared.get(0).get("id").asString()).isEqualTo("F07CUH3L9SA");
		assertThat(shared.get(0).get("title").asString()).isEqualTo("foto del recibo.jpg");
		assertThat(target.getLoggedDate()).isBeforeOrEqualTo(upload.getLoggedDate());
		assertThat(upload.getLoggedDate()).isBeforeOrEqualTo(share.getLoggedDate());
	}

	@Test
	void startsTheThreadBeforeUploadingWhenTheTicketHasNone() throws Exception {
		storedClientFile(31L, "foto del recibo.jpg", photo());
		given(this.tickets.summary(7L)).willReturn(TicketFixtures.ticket(TicketStatus.OPEN, null));
		this.slack.stubFor(post("/api/chat.postMessage").willReturn(okJson(POSTED)));
		slackTakesUploads(uploadAddress());

		this.handler.deliver(StaffDeskUpdate.postFile(7L, 31L));

		assertThat(onlyRequestTo("/api/chat.postMessage").formParameter("thread_ts").isPresent()).isFalse();
		then(this.tickets).should().attachStaffThread(7L, TicketFixtures.THREAD);
		assertThat(onlyRequestTo("/api/files.completeUploadExternal").formParameter("thread_ts").firstValue())
			.isEqualTo(TicketFixtures.THREAD);
	}

	@Test
	void triesTheUploadAgainWhenSlacksFileHostFails() throws Exception {
		storedClientFile(31L, "foto del recibo.jpg", photo());
		given(this.tickets.summary(7L)).willReturn(TicketFixtures.ticket(TicketStatus.OPEN, TicketFixtures.THREAD));
		slackTakesUploads(uploadAddress());
		this.slack.stubFor(post(UPLOAD_PATH).willReturn(aResponse().withStatus(503)));

		assertThatExceptionOfType(DeliveryException.class)
			.isThrownBy(() -> this.handler.deliver(StaffDeskUpdate.postFile(7L, 31L)))
			.satisfies((ex) -> assertThat(ex.isRetryable()).isTrue());
		this.slack.verify(0, postRequestedFor(urlEqualTo("/api/files.completeUploadExternal")));
	}

	@Test
	void refusesToSendAClientFileToAnUploadAddressOffSlack() throws Exception {
		storedClientFile(31L, "foto del recibo.jpg", photo());
		given(this.tickets.summary(7L)).willReturn(TicketFixtures.ticket(TicketStatus.OPEN, TicketFixtures.THREAD));
		slackTakesUploads("http://127.0.0.1:9" + UPLOAD_PATH);

		assertThatExceptionOfType(DeliveryException.class)
			.isThrownBy(() -> this.handler.deliver(StaffDeskUpdate.postFile(7L, 31L)))
			.satisfies((ex) -> assertThat(ex.isRetryable()).isFalse());
		this.slack.verify(0, postRequestedFor(urlEqualTo("/api/files.completeUploadExternal")));
	}

	@Test
	void keepsTryingWhileTheAppLacksTheFilesWriteScope(CapturedOutput output) throws Exception {
		storedClientFile(31L, "foto del recibo.jpg", photo());
		given(this.tickets.summary(7L)).willReturn(TicketFixtures.ticket(TicketStatus.OPEN, TicketFixtures.THREAD));
		this.slack.stubFor(post("/api/files.getUploadURLExternal").willReturn(
				okJson("""
						{"ok":false,"error":"missing_scope","needed":"files:write","provided":"chat:write,channels:history"}""")));

		assertThatExceptionOfType(DeliveryException.class)
			.isThrownBy(() -> this.handler.deliver(StaffDeskUpdate.postFile(7L, 31L)))
			.satisfies((ex) -> assertThat(ex.isRetryable()).isTrue());
		assertThat(output).contains("add the files:write scope to the Slack app").doesNotContain("xoxb-test");
	}

	@Test
	void givesUpOnAFileThatIsGone() {
		given(this.tickets.summary(7L)).willReturn(TicketFixtures.ticket(TicketStatus.OPEN, TicketFixtures.THREAD));
		given(this.attachments.find(31L)).willReturn(Optional.empty());

		assertThatExceptionOfType(DeliveryException.class)
			.isThrownBy(() -> this.handler.deliver(StaffDeskUpdate.postFile(7L, 31L)))
			.satisfies((ex) -> assertThat(ex.isRetryable()).isFalse());
		this.slack.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void notesInTheThreadAClientFileThatCouldNotBeFetched() throws Exception {
		TicketAttachment attachment = attachment(31L, "nómina marzo.pdf", AttachmentDirection.FROM_CLIENT);
		given(attachment.getStatus()).willReturn(AttachmentStatus.FAILED);
		given(attachment.getFailure()).willReturn("file is too big");
		given(this.tickets.summary(7L)).willReturn(TicketFixtures.ticket(TicketStatus.OPEN, TicketFixtures.THREAD));
		this.slack.stubFor(post("/api/chat.postMessage").willReturn(okJson(POSTED)));

		this.handler.deliver(StaffDeskUpdate.fileFailed(7L, 31L));

		LoggedRequest note = onlyRequestTo("/api/chat.postMessage");
		assertThat(note.formParameter("thread_ts").firstValue()).isEqualTo(TicketFixtures.THREAD);
		assertThat(note.formParameter("text").firstValue()).isEqualTo(
				":warning: No se ha podido recibir el archivo «nómina marzo.pdf» del cliente (motivo técnico: file is "
						+ "too big). Si lo necesitas, pide al cliente que lo envíe de nuevo o que comparta un enlace.");
		this.slack.verify(0, postRequestedFor(urlEqualTo("/api/files.getUploadURLExternal")));
	}

	@Test
	void notesInTheThreadAStaffFileThatNeverReachedTheClient() throws Exception {
		TicketAttachment attachment = attachment(32L, "modelo 303.pdf", AttachmentDirection.FROM_STAFF);
		given(attachment.getStatus()).willReturn(AttachmentStatus.FAILED);
		given(attachment.getFailure()).willReturn("larger than 20 MB");
		given(this.tickets.summary(7L)).willReturn(TicketFixtures.ticket(TicketStatus.OPEN, TicketFixtures.THREAD));
		this.slack.stubFor(post("/api/chat.postMessage").willReturn(okJson(POSTED)));

		this.handler.deliver(StaffDeskUpdate.fileFailed(7L, 32L));

		assertThat(onlyRequestTo("/api/chat.postMessage").formParameter("text").firstValue())
			.startsWith(":warning: El archivo «modelo 303.pdf» no le ha llegado al cliente")
			.contains("larger than 20 MB");
	}

	private void storedClientFile(Long id, String name, byte[] content) throws Exception {
		StoredFile stored = this.files.save(new ByteArrayInputStream(content), 1024 * 1024);
		TicketAttachment attachment = attachment(id, name, AttachmentDirection.FROM_CLIENT);
		given(attachment.getStatus()).willReturn(AttachmentStatus.STORED);
		given(attachment.getStorageKey()).willReturn(stored.key());
		given(attachment.getSize()).willReturn(stored.size());
		given(attachment.getMediaType()).willReturn("image/jpeg");
	}

	private TicketAttachment attachment(Long id, String name, AttachmentDirection direction) {
		TicketAttachment attachment = mock(TicketAttachment.class);
		given(attachment.getId()).willReturn(id);
		given(attachment.getTicketId()).willReturn(7L);
		given(attachment.getFileName()).willReturn(name);
		given(attachment.getDirection()).willReturn(direction);
		given(this.attachments.find(id)).willReturn(Optional.of(attachment));
		return attachment;
	}

	private void slackTakesUploads(String uploadUrl) {
		this.slack.stubFor(post("/api/files.getUploadURLExternal").willReturn(okJson("""
				{"ok":true,"upload_url":"%s","file_id":"F07CUH3L9SA"}""".formatted(uploadUrl))));
		this.slack.stubFor(post(UPLOAD_PATH).willReturn(ok("OK - 1")));
		this.slack.stubFor(post("/api/files.completeUploadExternal").willReturn(okJson(COMPLETED)));
	}

	private String uploadAddress() {
		return "http://127.0.0.1:" + this.slack.port() + UPLOAD_PATH;
	}

	private LoggedRequest onlyRequestTo(String path) {
		List<LoggedRequest> requests = this.slack.findAll(postRequestedFor(urlEqualTo(path)));
		assertThat(requests).hasSize(1);
		return requests.get(0);
	}

	/**
	 * Bytes that would break if read as text: a JPEG start, every byte value, and a name.
	 */
	private static byte[] photo() {
		byte[] content = new byte[3 + 256 + 8];
		content[0] = (byte) 0xFF;
		content[1] = (byte) 0xD8;
		content[2] = (byte) 0xFF;
		for (int i = 0; i < 256; i++) {
			content[3 + i] = (byte) i;
		}
		System.arraycopy("recibo.".getBytes(StandardCharsets.US_ASCII), 0, content, 259, 7);
		return content;
	}

}
