package es.kompanion.bot.telegram;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import es.kompanion.bot.delivery.DeliveryException;
import es.kompanion.bot.file.FilePolicy;
import es.kompanion.bot.file.LocalFileStore;
import es.kompanion.bot.telegram.config.TelegramProperties;
import es.kompanion.bot.ticket.AttachmentStatus;
import es.kompanion.bot.ticket.Attachments;
import es.kompanion.bot.ticket.TicketAttachment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;

@ExtendWith(OutputCaptureExtension.class)
class TelegramFileFetcherTests {

	private static final String TOKEN = "123456:TEST-file-token";

	private static final String GET_FILE = "(?i)/bot.*/getfile";

	private static final String FILE_PATH = "documents/file_12.pdf";

	private static final String DOWNLOAD = "/file/bot" + TOKEN + "/" + FILE_PATH;

	private static final String FILE_ID = "BQACAgQAAxkBAAIBZ2dQ";

	private static final long ATTACHMENT_ID = 31L;

	private final Attachments attachments = mock(Attachments.class);

	private final TicketAttachment attachment = mock(TicketAttachment.class);

	@TempDir
	private Path storage;

	private LocalFileStore store;

	private WireMockServer telegram;

	@BeforeEach
	void startTelegram() {
		this.telegram = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
		this.telegram.start();
		this.store = new LocalFileStore(this.storage, Clock.systemUTC());
		given(this.attachment.getId()).willReturn(ATTACHMENT_ID);
		given(this.attachment.getSourceRef()).willReturn(FILE_ID);
		given(this.attachment.getStatus()).willReturn(AttachmentStatus.PENDING);
		given(this.attachments.find(ATTACHMENT_ID)).willReturn(Optional.of(this.attachment));
	}

	@AfterEach
	void stopTelegram() {
		this.telegram.stop();
	}

	@Test
	void downloadsTheFileThroughTheConfiguredApiAndStoresItsBytes(CapturedOutput output) throws Exception {
		byte[] served = content(150_000);
		this.telegram.stubFor(post(urlPathMatching(GET_FILE)).willReturn(okJson(file(served.length))));
		this.telegram.stubFor(get(urlEqualTo(DOWNLOAD)).willReturn(aResponse().withBody(served)));

		fetcher(1_000_000).deliver(new TelegramFileFetch(ATTACHMENT_ID));

		this.telegram.verify(postRequestedFor(urlPathMatching(GET_FILE)).withRequestBody(containing(FILE_ID)));
		ArgumentCaptor<String> key = ArgumentCaptor.forClass(String.class);
		then(this.attachments).should().stored(eq(ATTACHMENT_ID), key.capture(), eq((long) served.length));
		try (InputStream stored = this.store.open(key.getValue())) {
			assertThat(stored.readAllBytes()).isEqualTo(served);
		}
		assertThat(output).doesNotContain(TOKEN).doesNotContain("file_12");
	}

	@Test
	void marksAFileTooBigForTelegramAsFailedWithoutDownloading() {
		this.telegram.stubFor(post(urlPathMatching(GET_FILE)).willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: file is too big\"}")));

		DeliveryException failure = catchThrowableOfType(DeliveryException.class,
				() -> fetcher(20_000_000).deliver(new TelegramFileFetch(ATTACHMENT_ID)));

		assertThat(failure.isRetryable()).isFalse();
		then(this.attachments).should().failed(eq(ATTACHMENT_ID), contains("20 MB"));
		then(this.attachments).should(never()).stored(any(), any(), anyLong());
		this.telegram.verify(0, getRequestedFor(urlPathMatching("/file/.*")));
	}

	@Test
	void marksAFileLargerThanTheFirmTakesAsFailedAndKeepsNothing() throws Exception {
		byte[] served = content(5_000);
		this.telegram.stubFor(post(urlPathMatching(GET_FILE)).willReturn(okJson(file(null))));
		this.telegram.stubFor(get(urlEqualTo(DOWNLOAD)).willReturn(aResponse().withBody(served)));

		DeliveryException failure = catchThrowableOfType(DeliveryException.class,
				() -> fetcher(4_000).deliver(new TelegramFileFetch(ATTACHMENT_ID)));

		assertThat(failure.isRetryable()).isFalse();
		then(this.attachments).should().failed(eq(ATTACHMENT_ID), anyString());
		then(this.attachments).should(never()).stored(any(), any(), anyLong());
		try (var kept = Files.walk(this.storage)) {
			assertThat(kept.filter(Files::isRegularFile)).isEmpty();
		}
	}

	@Test
	void triesAgainWhenTheDownloadFailsOnTelegramsSide(CapturedOutput output) {
		this.telegram.stubFor(post(urlPathMatching(GET_FILE)).willReturn(okJson(file(1024))));
		this.telegram.stubFor(get(urlEqualTo(DOWNLOAD)).willReturn(aResponse().withStatus(500)));

		DeliveryException failure = catchThrowableOfType(DeliveryException.class,
				() -> fetcher(1_000_000).deliver(new TelegramFileFetch(ATTACHMENT_ID)));

		assertThat(failure.isRetryable()).isTrue();
		assertThat(failure.getMessage()).doesNotContain(TOKEN);
		then(this.attachments).should(never()).failed(any(), any());
		then(this.attachments).should(never()).stored(any(), any(), anyLong());
		assertThat(output).doesNotContain(TOKEN);
	}

	@Test
	void triesAgainAfterTheWaitTelegramAsksForWhenBusy() {
		this.telegram.stubFor(post(urlPathMatching(GET_FILE))
			.willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json").withBody("""
					{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 3",
					 "parameters":{"retry_after":3}}""")));

		DeliveryException failure = catchThrowableOfType(DeliveryException.class,
				() -> fetcher(1_000_000).deliver(new TelegramFileFetch(ATTACHMENT_ID)));

		assertThat(failure.isRetryable()).isTrue();
		assertThat(failure.getRetryAfter()).isEqualTo(Duration.ofSeconds(3));
		then(this.attachments).should(never()).failed(any(), any());
	}

	@Test
	void leavesAFileAloneThatIsNoLongerPending() throws Exception {
		given(this.attachment.getStatus()).willReturn(AttachmentStatus.STORED);

		fetcher(1_000_000).deliver(new TelegramFileFetch(ATTACHMENT_ID));

		assertThat(this.telegram.getAllServeEvents()).isEmpty();
		then(this.attachments).should(never()).stored(any(), any(), anyLong());
	}

	@Test
	void fetchesOnItsOwnTopic() {
		TelegramFileFetcher fetcher = fetcher(1_000_000);

		assertThat(fetcher.topic()).isEqualTo("TELEGRAM_FILE");
		assertThat(fetcher.payloadType()).isEqualTo(TelegramFileFetch.class);
	}

	private TelegramFileFetcher fetcher(long maxBytes) {
		TelegramProperties properties = new TelegramProperties(TOKEN, "http://127.0.0.1:" + this.telegram.port(), "",
				"", "/telegram/webhook");
		return new TelegramFileFetcher(new OkHttpTelegramClient(TOKEN, properties.telegramUrl()), properties,
				this.attachments, this.store, new FilePolicy(maxBytes));
	}

	private static String file(Integer size) {
		String sized = (size != null) ? ",\"file_size\":" + size : "";
		return """
				{"ok":true,"result":{"file_id":"%s","file_unique_id":"AgADZ2cAAk"%s,"file_path":"%s"}}"""
			.formatted(FILE_ID, sized, FILE_PATH);
	}

	private static byte[] content(int size) {
		byte[] content = new byte[size];
		new Random(size).nextBytes(content);
		return content;
	}

}
