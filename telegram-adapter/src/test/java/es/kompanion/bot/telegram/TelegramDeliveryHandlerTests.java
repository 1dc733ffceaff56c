package es.kompanion.bot.telegram;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;

import es.kompanion.bot.conversation.Choice;
import es.kompanion.bot.conversation.ClientDelivery;
import es.kompanion.bot.conversation.Reply;
import es.kompanion.bot.conversation.RichText;
import es.kompanion.bot.conversation.RichText.Part;
import es.kompanion.bot.delivery.DeliveryException;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TelegramDeliveryHandlerTests {

	private static final String TOKEN = "123456:TEST-token";

	private static final String SEND_MESSAGE = "(?i)/bot.*/sendmessage";

	private static final String SENT = """
			{"ok":true,"result":{"message_id":42,
			"from":{"id":777000,"is_bot":true,"first_name":"Kompanion","username":"kompanion_bot"},
			"chat":{"id":1111111,"first_name":"Ana","type":"private"},
			"date":1733300000,"text":"Tu consulta #1042 sigue abierta"}}""";

	private final ObjectMapper json = new ObjectMapper();

	private WireMockServer telegram;

	private TelegramDeliveryHandler handler;

	@BeforeEach
	void startTelegram() {
		this.telegram = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
		this.telegram.start();
		this.handler = new TelegramDeliveryHandler(
				new OkHttpTelegramClient(TOKEN, new TelegramUrl("http", "127.0.0.1", this.telegram.port(), false)));
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
				new OkHttpTelegramClient(TOKEN, new TelegramUrl("http", "127.0.0.1", closedPort, false)));

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
