package es.kompanion.bot;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.flywaydb.core.Flyway;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * The whole application on the test MariaDB, with one WireMock server playing both the
 * Telegram Bot API and the Slack Web API, and helpers that deliver real Telegram updates
 * and signed Slack requests to it.
 */
final class BotHarness implements AutoCloseable {

	static final String TELEGRAM_TOKEN = "123456:TEST-token";

	static final String WEBHOOK_SECRET = "webhook-secret-0123456789";

	static final String SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

	static final String STAFF_CHANNEL = "C0STAFF01";

	static final String ROOT_TS = "1733300000.000100";

	static final String DB_URL = System.getProperty("test.datasource.url",
			"jdbc:mysql://127.0.0.1:3306/test?useUnicode=true&characterEncoding=UTF-8");

	private static final String SEND_MESSAGE = "(?i)/bot[^/]+/sendmessage";

	private final WireMockServer api = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	private ConfigurableApplicationContext context;

	private int messageId = 500;

	BotHarness() {
		this.api.start();
		stubApis();
	}

	static void wipeDatabase() {
		Flyway.configure()
			.dataSource(DB_URL, "root", "")
			.cleanDisabled(false)
			.locations("classpath:db/migration")
			.load()
			.clean();
	}

	BotHarness boot() {
		return boot(Map.of());
	}

	/**
	 * Starts the application with the test settings and the given ones on top.
	 */
	BotHarness boot(Map<String, String> extra) {
		Map<String, Object> properties = new HashMap<>();
		properties.put("server.port", "0");
		properties.put("spring.datasource.url", DB_URL);
		properties.put("spring.datasource.username", "root");
		properties.put("spring.datasource.password", "");
		properties.put("spring.jpa.database-platform", "org.hibernate.dialect.MariaDBDialect");
		properties.put("kompanion.telegram.token", TELEGRAM_TOKEN);
		properties.put("kompanion.telegram.api-url", "http://127.0.0.1:" + this.api.port());
		properties.put("kompanion.telegram.webhook-url", "https://bot.kompanion.test/telegram/webhook");
		properties.put("kompanion.telegram.webhook-secret", WEBHOOK_SECRET);
		properties.put("kompanion.slack.bot-token", "xoxb-test-token");
		properties.put("kompanion.slack.signing-secret", SIGNING_SECRET);
		properties.put("kompanion.slack.staff-channel", STAFF_CHANNEL);
		properties.put("kompanion.slack.api-url", "http://127.0.0.1:" + this.api.port() + "/api/");
		properties.put("kompanion.core.outbox.poll-interval", "200ms");
		properties.put("kompanion.core.files.directory", "target/files");
		properties.putAll(extra);
		String[] args = properties.entrySet()
			.stream()
			.map((property) -> "--" + property.getKey() + "=" + property.getValue())
			.toArray(String[]::new);
		this.context = new SpringApplicationBuilder(KompanionBotApplication.class).run(args);
		return this;
	}

	void shutdown() {
		if (this.context != null) {
			this.context.close();
			this.context = null;
		}
	}

	@Override
	public void close() {
		shutdown();
		this.api.stop();
	}

	<T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	WireMockServer api() {
		return this.api;
	}

	JsonMapper json() {
		return this.json;
	}

	private String baseUrl() {
		return "http://127.0.0.1:" + this.context.getEnvironment().getProperty("local.server.port");
	}

	// Telegram side

	int telegram(String updateJson) {
		return send("/telegram/webhook", updateJson, "application/json",
				Map.of("X-Telegram-Bot-Api-Secret-Token", WEBHOOK_SECRET));
	}

	int telegramWithSecret(String updateJson, String secret) {
		return send("/telegram/webhook", updateJson, "application/json",
				Map.of("X-Telegram-Bot-Api-Secret-Token", secret));
	}

	static String textUpdate(long updateId, long userId, String text) {
		return """
				{"update_id":%d,"message":{"message_id":%d,"date":%d,
				 "from":{"id":%d,"is_bot":false,"first_name":"Ana","last_name":"Pérez","language_code":"es"},
				 "chat":{"id":%d,"first_name":"Ana","last_name":"Pérez","type":"private"},
				 "text":%s}}""".formatted(updateId, updateId + 10, Instant.now().getEpochSecond(), userId, userId,
				quote(text));
	}

	static String callbackUpdate(long updateId, long userId, String data) {
		return """
				{"update_id":%d,"callback_query":{"id":"cb-%d",
				 "from":{"id":%d,"is_bot":false,"first_name":"Ana","language_code":"es"},
				 "message":{"message_id":77,"date":%d,"chat":{"id":%d,"first_name":"Ana","type":"private"},
				  "from":{"id":123456,"is_bot":true,"first_name":"Kompanion","username":"kompanion_bot"},"text":"…"},
				 "chat_instance":"-4242","data":%s}}""".formatted(updateId, updateId, userId,
				Instant.now().getEpochSecond(), userId, quote(data));
	}

	/**
	 * The sendMessage calls the bot made so far, as JSON, oldest first.
	 */
	List<JsonNode> sentMessages() {
		return this.api.findAll(postRequestedFor(urlPathMatching(SEND_MESSAGE))).stream().map(this::body).toList();
	}

	int answeredCallbacks() {
		return this.api.findAll(postRequestedFor(urlPathMatching("(?i)/bot[^/]+/answercallbackquery"))).size();
	}

	// Slack side

	int slackEvent(String eventJson) {
		return signedSlack(eventJson, "application/json");
	}

	int slackAction(String payloadJson) {
		return signedSlack("payload=" + URLEncoder.encode(payloadJson, StandardCharsets.UTF_8),
				"application/x-www-form-urlencoded");
	}

	int unsignedSlack(String eventJson) {
		return send("/slack/events", eventJson, "application/json", Map.of("X-Slack-Request-Timestamp",
				String.valueOf(Instant.now().getEpochSecond()), "X-Slack-Signature", "v0=deadbeef"));
	}

	static String threadReply(String eventId, String threadTs, String ts, String user, String text) {
		return """
				{"token":"legacy","team_id":"T0KOMP","api_app_id":"A0KOMP","type":"event_callback",
				 "event_id":"%s","event_time":%d,
				 "event":{"type":"message","channel":"%s","user":"%s","text":%s,"ts":"%s","thread_ts":"%s",
				  "event_ts":"%s","channel_type":"channel","team":"T0KOMP"}}""".formatted(eventId,
				Instant.now().getEpochSecond(), STAFF_CHANNEL, user, quote(text), ts, threadTs, ts);
	}

	String buttonPress(String actionId, Long ticketId, String actionTs, String user) {
		return """
				{"type":"block_actions","user":{"id":"%s","username":"marta","name":"marta","team_id":"T0KOMP"},
				 "api_app_id":"A0KOMP","token":"legacy","trigger_id":"1.2.3",
				 "container":{"type":"message","message_ts":"%s","channel_id":"%s","is_ephemeral":false},
				 "team":{"id":"T0KOMP","domain":"kompanion"},"channel":{"id":"%s","name":"soporte"},
				 "message":{"type":"message","ts":"%s","text":"Consulta","user":"UBOT"},
				 "response_url":"http://127.0.0.1:%d/slack-response/1",
				 "actions":[{"action_id":"%s","block_id":"ticket-actions","value":"%d","type":"button",
				  "text":{"type":"plain_text","text":"Cerrar","emoji":true},"action_ts":"%s"}]}""".formatted(user,
				ROOT_TS, STAFF_CHANNEL, STAFF_CHANNEL, ROOT_TS, this.api.port(), actionId, ticketId, actionTs);
	}

	List<LoggedRequest> slackCalls(String method) {
		return this.api.findAll(postRequestedFor(urlPathEqualTo("/api/" + method)));
	}

	/**
	 * The form or JSON parameters of a Slack Web API call.
	 */
	Map<String, String> slackParams(LoggedRequest request) {
		String body = request.getBodyAsString();
		Map<String, String> params = new HashMap<>();
		if (body.startsWith("{")) {
			this.json.readTree(body)
				.properties()
				.forEach((e) -> params.put(e.getKey(),
						e.getValue().isString() ? e.getValue().asString() : e.getValue().toString()));
			return params;
		}
		for (String pair : body.split("&")) {
			String[] kv = pair.split("=", 2);
			params.put(java.net.URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
					(kv.length > 1) ? java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
		}
		return params;
	}

	private int signedSlack(String body, String contentType) {
		String timestamp = String.valueOf(Instant.now().getEpochSecond());
		return send("/slack/events", body, contentType,
				Map.of("X-Slack-Request-Timestamp", timestamp, "X-Slack-Signature", sign(timestamp, body)));
	}

	private static String sign(String timestamp, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(SIGNING_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] digest = mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
			return "v0=" + HexFormat.of().formatHex(digest);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private int send(String path, String body, String contentType, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		headers.forEach(request::header);
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	JsonNode body(LoggedRequest request) {
		return this.json.readTree(request.getBodyAsString());
	}

	private static String quote(String text) {
		return JsonMapper.builder().build().writeValueAsString(text);
	}

	private void stubApis() {
		this.api.stubFor(post(urlPathMatching(SEND_MESSAGE)).willReturn(okJson("""
				{"ok":true,"result":{"message_id":901,"date":1733300000,
				 "chat":{"id":4242,"type":"private","first_name":"Ana"},"text":"ok"}}""")));
		this.api.stubFor(post(urlPathMatching("(?i)/bot[^/]+/(answercallbackquery|setwebhook|deletewebhook"
				+ "|setmycommands|editmessagereplymarkup)"))
			.willReturn(okJson("{\"ok\":true,\"result\":true}")));
		this.api.stubFor(post(urlPathEqualTo("/api/auth.test")).willReturn(okJson("""
				{"ok":true,"url":"https://kompanion.slack.com/","team":"Kompanion","user":"kompanion",
				 "team_id":"T0KOMP","user_id":"UBOT","bot_id":"B0BOT"}""")));
		this.api.stubFor(post(urlPathEqualTo("/api/chat.postMessage")).willReturn(okJson("""
				{"ok":true,"channel":"%s","ts":"%s","message":{"type":"message","user":"UBOT","bot_id":"B0BOT",
				 "text":"ok","ts":"%s"}}""".formatted(STAFF_CHANNEL, ROOT_TS, ROOT_TS))));
		this.api.stubFor(post(urlPathEqualTo("/api/chat.update")).willReturn(okJson("""
				{"ok":true,"channel":"%s","ts":"%s","text":"ok"}""".formatted(STAFF_CHANNEL, ROOT_TS))));
		this.api.stubFor(post(urlPathEqualTo("/api/chat.postEphemeral"))
			.willReturn(okJson("{\"ok\":true,\"message_ts\":\"1733300999.000900\"}")));
		this.api.stubFor(post(urlPathMatching("/slack-response/.*")).willReturn(okJson("{\"ok\":true}")));
	}

}
