package es.kompanion.bot.telegram;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import es.kompanion.bot.conversation.Choice;
import es.kompanion.bot.conversation.ClientDelivery;
import es.kompanion.bot.conversation.OutboundFile;
import es.kompanion.bot.conversation.Reply;
import es.kompanion.bot.conversation.RichText;
import es.kompanion.bot.conversation.RichText.Part;
import es.kompanion.bot.conversation.SentMessages;
import es.kompanion.bot.delivery.DeliveryException;
import es.kompanion.bot.file.LocalFileStore;
import es.kompanion.bot.file.StoredFile;
import es.kompanion.bot.user.Channel;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;

@ExtendWith(OutputCaptureExtension.class)
class TelegramDeliveryHandlerTests {

	private static final String TOKEN = "123456:TEST-token";

	private static final String SEND_MESSAGE = "(?i)/bot.*/sendmessage";

	private static final String SENT = """
			{"ok":true,"result":{"message_id":42,
			"from":{"id":777000,"is_bot":true,"first_name":"Kompanion","username":"kompanion_bot"},
			"chat":{"id":1111111,"first_name":"Ana","type":"private"},
			"date":1733300000,"text":"Tu consulta #1042 sigue abierta"}}""";

	private static final String SEND_PHOTO = "(?i)/bot.*/sendphoto";

	private static final String SEND_DOCUMENT = "(?i)/bot.*/senddocument";

	private static final String SENT_PHOTO = """
			{"ok":true,"result":{"message_id":43,
			"from":{"id":777000,"is_bot":true,"first_name":"Kompanion","username":"kompanion_bot"},
			"chat":{"id":1111111,"first_name":"Ana","type":"private"},"date":1733300000,
			"photo":[{"file_id":"AgACAgQAAxkDAAIC","file_unique_id":"AQADxL0x","width":640,"height":480,
			          "file_size":5000}]}}""";

	private static final String SENT_DOCUMENT = """
			{"ok":true,"result":{"message_id":44,
			"from":{"id":777000,"is_bot":true,"first_name":"Kompanion","username":"kompanion_bot"},
			"chat":{"id":1111111,"first_name":"Ana","type":"private"},"date":1733300000,
			"document":{"file_id":"BQACAgQAAxkDAAID","file_unique_id":"AgADmQ4","file_name":"nominas.pdf",
			            "mime_type":"application/pdf","file_size":5000}}}""";

	private final ObjectMapper json = new ObjectMapper();

	private final SentMessages sentMessages = mock(SentMessages.class);

	@TempDir
	private Path storage;

	private LocalFileStore store;

	private long attachmentIds = 100;

	private WireMockServer telegram;

	private TelegramDeliveryHandler handler;

	@BeforeEach
	void startTelegram() {
		this.telegram = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
		this.telegram.start();
		this.store = new LocalFileStore(this.storage, Clock.systemUTC());
		this.handler = new TelegramDeliveryHandler(
				new OkHttpTelegramClient(TOKEN, new TelegramUrl("http", "127.0.0.1", this.telegram.port(), false)),
				this.store, this.sentMessages);
	}

	@AfterEach
	void stopTelegram() {
		this.telegram.stop();
	}

	@Test
	void postsHtmlMessageWithInlineKeyboard() throws Exception {
		stub(post(urlPathMatching(SEND_MESSAGE)).willReturn(okJson(SENT)));
		Reply reply = new Reply(
				new RichText(List.of(new Part("Tu consulta ", false), new Part("#1042", true),
						new Part(" sigue abierta <de momento> & pronto", false))),
				List.of(List.of(Choice.action("Responder", "r:7"), Choice.action("Menú", "m")),
						List.of(Choice.link("Academy", "https://academy.kompanion.es"))),
				7L);

		this.handler.deliver(new ClientDelivery("1111111", reply));

		this.telegram.verify(1, postRequestedFor(urlPathMatching(SEND_MESSAGE)).withRequestBody(equalToJson("""
				{"chat_id":"1111111",
				 "text":"Tu consulta <b>#1042</b> sigue abierta &lt;de momento&gt; &amp; pronto",
				 "parse_mode":"HTML",
				 "reply_markup":{"inline_keyboard":[
				   [{"text":"Responder","callback_data":"r:7"},{"text":"Menú","callback_data":"m"}],
				   [{"text":"Academy","url":"https://academy.kompanion.es"}]]}}""", false, true)));
	}

	@Test
	void sendsLongTextAsSeveralMessagesWithTheKeyboardOnTheLast() throws Exception {
		stub(post(urlPathMatching(SEND_MESSAGE)).willReturn(okJson(SENT)));
		String text = "Línea de la guía fiscal con <etiquetas> y emoji 📅\n".repeat(180);
		Reply reply = new Reply(RichText.plain(text), List.of(List.of(Choice.action("Menú", "m"))), null);

		this.handler.deliver(new ClientDelivery("1111111", reply));

		List<JsonNode> sent = sentMessages();
		assertThat(sent).hasSize(3);
		assertThat(sent).allSatisfy((message) -> assertThat(message.path("parse_mode").asText()).isEqualTo("HTML"));
		assertThat(sent.subList(0, 2)).allSatisfy((message) -> assertThat(message.has("reply_markup")).isFalse());
		assertThat(sent.get(2).at("/reply_markup/inline_keyboard/0/0/callback_data").asText()).isEqualTo("m");
		assertThat(sent.stream().map((message) -> message.path("text").asText()).reduce("", String::concat))
			.isEqualTo(TelegramHtml.escape(text));
	}

	@Test
	void reportsBlockedBotAsPermanentFailure() {
		stub(post(urlPathMatching(SEND_MESSAGE)).willReturn(aResponse().withStatus(403)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was blocked by the user\"}")));

		DeliveryException failure = catchThrowableOfType(DeliveryException.class,
				() -> this.handler.deliver(new ClientDelivery("1111111", Reply.of(RichText.plain("Hola")))));

		assertThat(failure.isRetryable()).isFalse();
		assertThat(failure).hasMessage("Forbidden: bot was blocked by the user");
	}

	@Test
	void reportsBadRequestAsPermanentFailure() {
		stub(post(urlPathMatching(SEND_MESSAGE)).willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: chat not found\"}")));

		DeliveryException failure = catchThrowableOfType(DeliveryException.class,
				() -> this.handler.deliver(new ClientDelivery("404", Reply.of(RichText.plain("Hola")))));

		assertThat(failure.isRetryable()).isFalse();
		assertThat(failure).hasMessage("Bad Request: chat not found");
	}

	@Test
	void reportsRateLimitAsRetryableAfterTheWaitTelegramAsksFor() {
		stub(post(urlPathMatching(SEND_MESSAGE))
			.willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json").withBody("""
					{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 7",
					 "parameters":{"retry_after":7}}""")));

		DeliveryException failure = catchThrowableOfType(DeliveryException.class,
				() -> this.handler.deliver(new ClientDelivery("1111111", Reply.of(RichText.plain("Hola")))));

		assertThat(failure.isRetryable()).isTrue();
		assertThat(failure.getRetryAfter()).isEqualTo(Duration.ofSeconds(7));
		assertThat(failure).hasMessage("Too Many Requests: retry after 7");
	}

	@Test
	void reportsServerErrorAsRetryable() {
		stub(post(urlPathMatching(SEND_MESSAGE)).willReturn(aResponse().withStatus(502)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"ok\":false,\"error_code\":502,\"description\":\"Bad Gateway\"}")));

		DeliveryException failure = catchThrowableOfType(DeliveryException.class,
				() -> this.handler.deliver(new ClientDelivery("1111111", Reply.of(RichText.plain("Hola")))));

		assertThat(failure.isRetryable()).isTrue();
		assertThat(failure.getRetryAfter()).isNull();
	}

	@Test
	void reportsUnreachableTelegramAsRetryable() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		TelegramDeliveryHandler unreachable = new TelegramDeliveryHandler(
				new OkHttpTelegramClient(TOKEN, new TelegramUrl("http", "127.0.0.1", closedPort, false)), this.store,
				this.sentMessages);

		DeliveryException failure = catchThrowableOfType(DeliveryException.class,
				() -> unreachable.deliver(new ClientDelivery("1111111", Reply.of(RichText.plain("Hola")))));

		assertThat(failure.isRetryable()).isTrue();
		assertThat(failure.getRetryAfter()).isNull();
		assertThat(failure.getMessage()).doesNotContain(TOKEN);
	}

	@Test
	void deliversOnTheTelegramTopic() {
		assertThat(this.handler.topic()).isEqualTo("TELEGRAM");
		assertThat(this.handler.payloadType()).isEqualTo(ClientDelivery.class);
	}

	@Test
	void sendsAnImageAsAPhotoWithTheTextAsCaptionAndTheButtons() throws Exception {
		stub(post(urlPathMatching(SEND_PHOTO)).willReturn(okJson(SENT_PHOTO)));
		byte[] image = content(48_000);
		OutboundFile file = stored("ticket 1042.jpg", "image/jpeg", image);
		Reply reply = new Reply(new RichText(List.of(new Part("Archivo en ", false), new Part("#1042", true))),
				List.of(List.of(Choice.action("Responder", "r:7"))), 7L, List.of(file));

		this.handler.deliver(new ClientDelivery("1111111", reply));

		assertThat(methodsCalled()).containsExactly("sendphoto");
		Request.Part photo = upload(lastRequest(), "photo");
		assertThat(photo.getBody().asBytes()).isEqualTo(image);
		assertThat(fileName(photo)).isEqualTo("ticket 1042.jpg");
		this.telegram.verify(1, postRequestedFor(urlPathMatching(SEND_PHOTO))
			.withRequestBodyPart(aMultipart("chat_id").withBody(equalTo("1111111")).build())
			.withRequestBodyPart(aMultipart("caption").withBody(equalTo("Archivo en <b>#1042</b>")).build())
			.withRequestBodyPart(aMultipart("parse_mode").withBody(equalTo("HTML")).build())
			.withRequestBodyPart(aMultipart("reply_markup")
				.withBody(equalToJson("{\"inline_keyboard\":[[{\"text\":\"Responder\",\"callback_data\":\"r:7\"}]]}"))
				.build()));
	}

	@Test
	void sendsOtherFilesAsDocumentsWithTheirName() throws Exception {
		stub(post(urlPathMatching(SEND_DOCUMENT)).willReturn(okJson(SENT_DOCUMENT)));
		byte[] pdf = content(20_480);
		OutboundFile file = stored("nóminas \"marzo\".pdf", "application/pdf", pdf);

		this.handler.deliver(new ClientDelivery("1111111",
				new Reply(RichText.plain("Archivo en #1042"), List.of(), 7L, List.of(file))));

		assertThat(methodsCalled()).containsExactly("senddocument");
		Request.Part document = upload(lastRequest(), "document");
		assertThat(document.getBody().asBytes()).isEqualTo(pdf);
		assertThat(fileName(document)).isEqualTo("nóminas _marzo_.pdf");
		assertThat(lastRequest().getPart("caption").getBody().asString()).isEqualTo("Archivo en #1042");
	}

	@Test
	void sendsImagesTooLargeForAPhotoAsDocuments() throws Exception {
		stub(post(urlPathMatching(SEND_DOCUMENT)).willReturn(okJson(SENT_DOCUMENT)));
		byte[] image = content(1024);
		OutboundFile stored = stored("plano.png", "image/png", image);
		OutboundFile large = new OutboundFile(stored.attachmentId(), stored.fileName(), stored.mediaType(), 12_000_000,
				stored.storageKey());

		this.handler
			.deliver(new ClientDelivery("1111111", new Reply(RichText.plain(""), List.of(), 7L, List.of(large))));

		assertThat(methodsCalled()).containsExactly("senddocument");
		assertThat(upload(lastRequest(), "document").getBody().asBytes()).isEqualTo(image);
		assertThat(lastRequest().getPart("caption")).isNull();
	}

	@Test
	void sendsAPhotoTelegramTurnedDownAsADocument() throws Exception {
		stub(post(urlPathMatching(SEND_PHOTO)).willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: PHOTO_INVALID_DIMENSIONS\"}")));
		stub(post(urlPathMatching(SEND_DOCUMENT)).willReturn(okJson(SENT_DOCUMENT)));
		byte[] image = content(2048);

		this.handler.deliver(new ClientDelivery("1111111", new Reply(RichText.plain("Escaneo"), List.of(), 7L,
				List.of(stored("escaneo.jpg", "image/jpeg", image)))));

		assertThat(methodsCalled()).containsExactly("sendphoto", "senddocument");
		assertThat(upload(lastRequest(), "document").getBody().asBytes()).isEqualTo(image);
		assertThat(lastRequest().getPart("caption").getBody().asString()).isEqualTo("Escaneo");
	}

	@Test
	void sendsTextTooLongForACaptionFirstAndTheButtonsUnderTheFile() throws Exception {
		stub(post(urlPathMatching(SEND_MESSAGE)).willReturn(okJson(SENT)));
		stub(post(urlPathMatching(SEND_DOCUMENT)).willReturn(okJson(SENT_DOCUMENT)));
		String text = "Te explico los pasos para presentar el modelo. ".repeat(30);
		Reply reply = new Reply(RichText.plain(text), List.of(List.of(Choice.action("Responder", "r:7"))), 7L,
				List.of(stored("guia.pdf", "application/pdf", content(512))));

		this.handler.deliver(new ClientDelivery("1111111", reply));

		assertThat(methodsCalled()).containsExactly("sendmessage", "senddocument");
		JsonNode message = sentMessages().get(0);
		assertThat(message.path("text").asText()).isEqualTo(text);
		assertThat(message.has("reply_markup")).isFalse();
		assertThat(lastRequest().getPart("caption")).isNull();
		assertThat(lastRequest().getPart("reply_markup").getBody().asString()).contains("r:7");
	}

	@Test
	void sendsSeveralFilesAfterTheTextWithTheButtonsUnderTheLast() throws Exception {
		stub(post(urlPathMatching(SEND_MESSAGE)).willReturn(okJson(SENT)));
		stub(post(urlPathMatching(SEND_DOCUMENT)).willReturn(okJson(SENT_DOCUMENT)));
		stub(post(urlPathMatching(SEND_PHOTO)).willReturn(okJson(SENT_PHOTO)));
		Reply reply = new Reply(RichText.plain("Dos archivos en #1042"), List.of(List.of(Choice.action("Menú", "m"))),
				7L, List.of(stored("modelo303.pdf", "application/pdf", content(300)),
						stored("recibo.webp", "image/webp", content(400))));

		this.handler.deliver(new ClientDelivery("1111111", reply));

		assertThat(methodsCalled()).containsExactly("sendmessage", "senddocument", "sendphoto");
		List<LoggedRequest> requests = requestsInOrder();
		assertThat(this.json.readTree(requests.get(0).getBodyAsString()).has("reply_markup")).isFalse();
		assertThat(requests.get(1).getPart("reply_markup")).isNull();
		assertThat(requests.get(2).getPart("reply_markup").getBody().asString()).contains("\"m\"");
	}

	@Test
	void reportsAMissingStoredFileAsPermanentFailure() {
		OutboundFile gone = new OutboundFile(9L, "perdido.pdf", "application/pdf", 100, "2026/12/" + UUID.randomUUID());

		DeliveryException failure = catchThrowableOfType(DeliveryException.class, () -> this.handler.deliver(
				new ClientDelivery("1111111", new Reply(RichText.plain("Archivo"), List.of(), 7L, List.of(gone)))));

		assertThat(failure.isRetryable()).isFalse();
		assertThat(this.telegram.getAllServeEvents()).isEmpty();
	}

	@Test
	void recordsEachSentMessageOfATicketReply() throws Exception {
		stub(post(urlPathMatching(SEND_MESSAGE)).willReturn(okJson(SENT)));
		stub(post(urlPathMatching(SEND_PHOTO)).willReturn(okJson(SENT_PHOTO)));
		Reply text = new Reply(RichText.plain("Tu consulta #1042 sigue abierta"), List.of(), 7L);
		Reply photo = new Reply(RichText.plain("Archivo en #1042"), List.of(), 7L,
				List.of(stored("foto.jpg", "image/jpeg", content(100))));

		this.handler.deliver(new ClientDelivery("1111111", text));
		this.handler.deliver(new ClientDelivery("1111111", photo));

		then(this.sentMessages).should().record(Channel.TELEGRAM, "1111111", "42", 7L);
		then(this.sentMessages).should().record(Channel.TELEGRAM, "1111111", "43", 7L);
		then(this.sentMessages).shouldHaveNoMoreInteractions();
	}

	@Test
	void recordsNothingForAReplyWithoutTicket() throws Exception {
		stub(post(urlPathMatching(SEND_MESSAGE)).willReturn(okJson(SENT)));

		this.handler.deliver(new ClientDelivery("1111111", Reply.of(RichText.plain("Hola"))));

		then(this.sentMessages).shouldHaveNoInteractions();
	}

	@Test
	void deliversEvenWhenTheSentMessageCannotBeRecorded(CapturedOutput output) throws Exception {
		stub(post(urlPathMatching(SEND_MESSAGE)).willReturn(okJson(SENT)));
		willThrow(new IllegalStateException("Connection is not available, request timed out")).given(this.sentMessages)
			.record(any(), any(), any(), any());

		this.handler.deliver(new ClientDelivery("1111111",
				new Reply(RichText.plain("Tu consulta #1042 sigue abierta"), List.of(), 7L)));

		this.telegram.verify(1, postRequestedFor(urlPathMatching(SEND_MESSAGE)));
		assertThat(output).contains("WARN").contains("not linked to ticket 7").doesNotContain("sigue abierta");
	}

	private OutboundFile stored(String name, String mediaType, byte[] content) throws IOException {
		StoredFile file = this.store.save(new ByteArrayInputStream(content), 10_000_000);
		return new OutboundFile(++this.attachmentIds, name, mediaType, file.size(), file.key());
	}

	/**
	 * The uploaded part a file field names: itself, or the part it attaches by name.
	 */
	private static Request.Part upload(LoggedRequest request, String field) {
		Request.Part part = request.getPart(field);
		String value = part.getBody().asString();
		return value.startsWith("attach://") ? request.getPart(value.substring("attach://".length())) : part;
	}

	private static String fileName(Request.Part part) {
		String disposition = part.getHeader("Content-Disposition").firstValue();
		Matcher name = Pattern.compile("filename=\"([^\"]*)\"").matcher(disposition);
		assertThat(name.find()).as(disposition).isTrue();
		return name.group(1);
	}

	private static byte[] content(int size) {
		byte[] content = new byte[size];
		new Random(size).nextBytes(content);
		return content;
	}

	private List<LoggedRequest> requestsInOrder() {
		List<LoggedRequest> requests = new ArrayList<>(
				this.telegram.getAllServeEvents().stream().map(ServeEvent::getRequest).toList());
		Collections.reverse(requests);
		return requests;
	}

	private List<String> methodsCalled() {
		return requestsInOrder().stream()
			.map((request) -> request.getUrl()
				.substring(request.getUrl().lastIndexOf('/') + 1)
				.toLowerCase(Locale.ROOT))
			.toList();
	}

	private LoggedRequest lastRequest() {
		List<LoggedRequest> requests = requestsInOrder();
		return requests.get(requests.size() - 1);
	}

	private void stub(MappingBuilder mapping) {
		this.telegram.stubFor(mapping);
	}

	private List<JsonNode> sentMessages() throws IOException {
		List<LoggedRequest> requests = this.telegram.findAll(postRequestedFor(urlPathMatching(SEND_MESSAGE)));
		List<JsonNode> bodies = new ArrayList<>();
		for (LoggedRequest request : requests) {
			bodies.add(this.json.readTree(request.getBodyAsString()));
		}
		return bodies;
	}

}
