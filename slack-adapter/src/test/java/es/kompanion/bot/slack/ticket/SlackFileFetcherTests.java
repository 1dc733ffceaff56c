package es.kompanion.bot.slack.ticket;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
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
import org.mockito.ArgumentCaptor;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import es.kompanion.bot.delivery.DeliveryException;
import es.kompanion.bot.file.FilePolicy;
import es.kompanion.bot.file.LocalFileStore;
import es.kompanion.bot.slack.SlackProperties;
import es.kompanion.bot.ticket.AttachmentStatus;
import es.kompanion.bot.ticket.Attachments;
import es.kompanion.bot.ticket.TicketAttachment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.mock;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;

/**
 * Staff files fetched from Slack into the file store, with the bot token sent to Slack's
 * file host and nowhere else.
 */
@ExtendWith(OutputCaptureExtension.class)
class SlackFileFetcherTests {

	private static final long TWENTY_MB = 20L * 1024 * 1024;

	private static final String DOWNLOAD_PATH = "/files-pri/T0KRD7HC3-F0S43PZDF/download/modelo_303.pdf";

	private final WireMockServer slack = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

	private final WireMockServer elsewhere = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

	private final Attachments attachments = mock(Attachments.class);

	private LocalFileStore files;

	private App app;

	private SlackProperties properties;

	@BeforeEach
	void startSlack(@TempDir Path folder) {
		this.slack.start();
		this.elsewhere.start();
		this.properties = new SlackProperties("xoxb-test", "secret", "", "C0STAFF",
				"http://127.0.0.1:" + this.slack.port() + "/api/", "/slack/events");
		SlackConfig config = new SlackConfig();
		config.setMethodsEndpointUrlPrefix(this.properties.apiUrl());
		config.setStatsEnabled(false);
		this.app = new App(AppConfig.builder()
			.singleTeamBotToken(this.properties.botToken())
			.signingSecret(this.properties.signingSecret())
			.slack(Slack.getInstance(config))
			.build());
		this.files = new LocalFileStore(folder, Clock.systemUTC());
		pendingStaffFile(32L, "F0S43PZDF");
	}

	@AfterEach
	void stopSlack() {
		this.slack.stop();
		this.elsewhere.stop();
	}

	@Test
	void storesTheBytesSlackHoldsReadWithTheBotToken() throws Exception {
		byte[] pdf = pdf(4096);
		slackDescribes("F0S43PZDF", slackUrl() + DOWNLOAD_PATH, pdf.length);
		this.slack.stubFor(get(DOWNLOAD_PATH).withHeader("Authorization", equalTo("Bearer xoxb-test"))
			.willReturn(aResponse().withHeader("Content-Type", "application/pdf").withBody(pdf)));

		fetcher(TWENTY_MB).deliver(new SlackFileFetch(32L, 7L));

		ArgumentCaptor<String> key = ArgumentCaptor.forClass(String.class);
		then(this.attachments).should()
			.stored(eq(32L), key.capture(), eq((long) pdf.length), eq("modelo_303.pdf"), eq("application/pdf"));
		try (InputStream stored = this.files.open(key.getValue())) {
			assertThat(stored.readAllBytes()).isEqualTo(pdf);
		}
		LoggedRequest info = this.slack.findAll(postRequestedFor(urlEqualTo("/api/files.info"))).get(0);
		assertThat(info.formParameter("file").firstValue()).isEqualTo("F0S43PZDF");
		then(this.attachments).should(never()).failed(anyLong(), any());
	}

	@Test
	void aFileAnnouncedWithoutNameIsJudgedOnWhatFilesInfoSaysBeforeAnyDownload() {
		this.slack.stubFor(post("/api/files.info").willReturn(okJson("""
				{"ok":true,"file":{"id":"F0S43PZDF","name":"nominas.exe","title":"nominas.exe",
				 "mimetype":"application/x-msdownload","size":2048,
				 "url_private_download":"%s/files-pri/T1-F0S43PZDF/download/nominas.exe"}}""".formatted(slackUrl()))));

		assertThatExceptionOfType(DeliveryException.class)
			.isThrownBy(() -> fetcher(TWENTY_MB).deliver(new SlackFileFetch(32L, 7L)))
			.satisfies((ex) -> assertThat(ex.isRetryable()).isFalse());

		then(this.attachments).should().failed(32L, "file type not allowed");
		this.slack.verify(0, getRequestedFor(urlEqualTo("/files-pri/T1-F0S43PZDF/download/nominas.exe")));
	}

	@Test
	void neverSendsTheTokenToADownloadAddressOffSlack(CapturedOutput output) {
		slackDescribes("F0S43PZDF", "http://127.0.0.1:" + this.elsewhere.port() + DOWNLOAD_PATH, 4096);

		assertThatExceptionOfType(DeliveryException.class)
			.isThrownBy(() -> fetcher(TWENTY_MB).deliver(new SlackFileFetch(32L, 7L)))
			.satisfies((ex) -> assertThat(ex.isRetryable()).isFalse());

		this.elsewhere.verify(0, anyRequestedFor(anyUrl()));
		then(this.attachments).should().failed(32L, "download address is not on files.slack.com");
		then(this.attachments).should(never()).stored(anyLong(), any(), anyLong(), any(), any());
		assertThat(output).doesNotContain("xoxb-test");
	}

	@Test
	void neverFollowsARedirectOffSlackWithTheToken() {
		slackDescribes("F0S43PZDF", slackUrl() + DOWNLOAD_PATH, 4096);
		this.slack.stubFor(get(DOWNLOAD_PATH).willReturn(aResponse().withStatus(302)
			.withHeader("Location", "http://127.0.0.1:" + this.elsewhere.port() + "/steal")));

		assertThatExceptionOfType(DeliveryException.class)
			.isThrownBy(() -> fetcher(TWENTY_MB).deliver(new SlackFileFetch(32L, 7L)))
			.satisfies((ex) -> assertThat(ex.isRetryable()).isFalse());

		this.elsewhere.verify(0, anyRequestedFor(anyUrl()));
		then(this.attachments).should().failed(32L, "download address is not on files.slack.com");
	}

	@Test
	void followsARedirectWithinSlack() throws Exception {
		byte[] pdf = pdf(100);
		slackDescribes("F0S43PZDF", slackUrl() + DOWNLOAD_PATH, pdf.length);
		this.slack.stubFor(get(DOWNLOAD_PATH)
			.willReturn(aResponse().withStatus(302).withHeader("Location", "/files-tmb/modelo_303.pdf")));
		this.slack.stubFor(get("/files-tmb/modelo_303.pdf").withHeader("Authorization", equalTo("Bearer xoxb-test"))
			.willReturn(aResponse().withHeader("Content-Type", "application/pdf").withBody(pdf)));

		fetcher(TWENTY_MB).deliver(new SlackFileFetch(32L, 7L));

		then(this.attachments).should().stored(eq(32L), any(), eq((long) pdf.length), any(), any());
	}

	@Test
	void givesUpOnAFileSlackSaysIsOverTheLimitWithoutDownloadingIt() {
		slackDescribes("F0S43PZDF", slackUrl() + DOWNLOAD_PATH, TWENTY_MB + 1);

		assertThatExceptionOfType(DeliveryException.class)
			.isThrownBy(() -> fetcher(TWENTY_MB).deliver(new SlackFileFetch(32L, 7L)))
			.satisfies((ex) -> assertThat(ex.isRetryable()).isFalse());

		this.slack.verify(0, getRequestedFor(urlEqualTo(DOWNLOAD_PATH)));
		then(this.attachments).should().failed(32L, "larger than 20 MB");
	}

	@Test
	void givesUpOnADownloadThatRunsPastTheLimitAndKeepsNothing() throws Exception {
		slackDescribes("F0S43PZDF", slackUrl() + DOWNLOAD_PATH, 1000);
		this.slack.stubFor(get(DOWNLOAD_PATH).willReturn(aResponse().withHeader("Content-Type", "application/pdf")
			.withHeader("Transfer-Encoding", "chunked")
			.withBody(pdf(3 * 1024 * 1024))));

		assertThatExceptionOfType(DeliveryException.class)
			.isThrownBy(() -> fetcher(2L * 1024 * 1024).deliver(new SlackFileFetch(32L, 7L)))
			.satisfies((ex) -> assertThat(ex.isRetryable()).isFalse());

		then(this.attachments).should().failed(32L, "larger than 2 MB");
		then(this.attachments).should(never()).stored(anyLong(), any(), anyLong(), any(), any());
	}

	@Test
	void triesAgainWhenSlacksFileHostFails() {
		slackDescribes("F0S43PZDF", slackUrl() + DOWNLOAD_PATH, 1000);
		this.slack.stubFor(get(DOWNLOAD_PATH).willReturn(aResponse().withStatus(503)));

		assertThatExceptionOfType(DeliveryException.class)
			.isThrownBy(() -> fetcher(TWENTY_MB).deliver(new SlackFileFetch(32L, 7L)))
			.satisfies((ex) -> assertThat(ex.isRetryable()).isTrue());

		then(this.attachments).should(never()).failed(anyLong(), any());
	}

	@Test
	void triesAgainWhileSlackAnswersWithASignInPage(CapturedOutput output) {
		slackDescribes("F0S43PZDF", slackUrl() + DOWNLOAD_PATH, 1000);
		this.slack.stubFor(get(DOWNLOAD_PATH).willReturn(aResponse().withHeader("Content-Type", "text/html")
			.withBody("<!DOCTYPE html><html><body>Sign in to Slack</body></html>")));

		assertThatExceptionOfType(DeliveryException.class)
			.isThrownBy(() -> fetcher(TWENTY_MB).deliver(new SlackFileFetch(32L, 7L)))
			.satisfies((ex) -> assertThat(ex.isRetryable()).isTrue());

		then(this.attachments).should(never()).stored(anyLong(), any(), anyLong(), any(), any());
		assertThat(output).contains("files:read");
	}

	@Test
	void givesUpOnAFileSlackNoLongerHas() {
		this.slack.stubFor(post("/api/files.info").willReturn(okJson("""
				{"ok":false,"error":"file_not_found"}""")));

		assertThatExceptionOfType(DeliveryException.class)
			.isThrownBy(() -> fetcher(TWENTY_MB).deliver(new SlackFileFetch(32L, 7L)))
			.satisfies((ex) -> assertThat(ex.isRetryable()).isFalse())
			.withMessageContaining("file_not_found");
	}

	@Test
	void leavesAFileAloneThatIsAlreadyStored() throws Exception {
		given(this.attachments.find(32L).orElseThrow().getStatus()).willReturn(AttachmentStatus.STORED);

		fetcher(TWENTY_MB).deliver(new SlackFileFetch(32L, 7L));

		this.slack.verify(0, anyRequestedFor(anyUrl()));
	}

	private SlackFileFetcher fetcher(long maxBytes) {
		return new SlackFileFetcher(this.attachments, this.files, new FilePolicy(maxBytes), this.app, this.properties);
	}

	private void pendingStaffFile(Long id, String slackFileId) {
		TicketAttachment attachment = mock(TicketAttachment.class);
		given(attachment.getId()).willReturn(id);
		given(attachment.getStatus()).willReturn(AttachmentStatus.PENDING);
		given(attachment.getSourceRef()).willReturn(slackFileId);
		given(attachment.getFileName()).willReturn("modelo_303.pdf");
		given(this.attachments.find(id)).willReturn(Optional.of(attachment));
	}

	/**
	 * Answers {@code files.info} as Slack does for a PDF shared in a channel.
	 */
	private void slackDescribes(String fileId, String downloadUrl, long size) {
		this.slack.stubFor(post("/api/files.info").willReturn(okJson("""
				{"ok":true,
				 "file":{"id":"%s","created":1712345990,"timestamp":1712345990,"name":"modelo_303.pdf",
				  "title":"modelo_303.pdf","mimetype":"application/pdf","filetype":"pdf","pretty_type":"PDF",
				  "user":"U024BE7LH","user_team":"T1","editable":false,"size":%d,"mode":"hosted",
				  "is_external":false,"external_type":"","is_public":false,"public_url_shared":false,
				  "display_as_bot":false,"username":"",
				  "url_private":"%s",
				  "url_private_download":"%s",
				  "permalink":"https://kompanion.slack.com/files/U024BE7LH/%s/modelo_303.pdf",
				  "channels":[],"groups":["C0STAFF"],"ims":[],"comments_count":0},
				 "comments":[],"response_metadata":{"next_cursor":""}}""".formatted(fileId, size,
				downloadUrl.replace("/download", ""), downloadUrl, fileId))));
	}

	private String slackUrl() {
		return "http://127.0.0.1:" + this.slack.port();
	}

	private static byte[] pdf(int size) {
		byte[] content = new byte[size];
		for (int i = 0; i < size; i++) {
			content[i] = (byte) (i * 31 + 7);
		}
		System.arraycopy("%PDF-1.7".getBytes(StandardCharsets.US_ASCII), 0, content, 0, Math.min(8, size));
		return content;
	}

}
