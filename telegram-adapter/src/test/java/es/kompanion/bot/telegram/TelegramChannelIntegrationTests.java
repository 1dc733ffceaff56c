package es.kompanion.bot.telegram;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

import es.kompanion.bot.conversation.ConversationEngine;
import es.kompanion.bot.conversation.Inbound;
import es.kompanion.bot.conversation.SentMessages;
import es.kompanion.bot.delivery.Outbox;
import es.kompanion.bot.delivery.OutboxHandler;
import es.kompanion.bot.file.FilePolicy;
import es.kompanion.bot.file.FileStore;
import es.kompanion.bot.ticket.Attachments;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;

@ExtendWith(OutputCaptureExtension.class)
class TelegramChannelIntegrationTests {

	private static final String TOKEN = "123456:TEST-token-never-logged";

	private static final String OK_TRUE = "{\"ok\":true,\"result\":true}";

	private static final String ONE_UPDATE = """
			{"ok":true,"result":[{"update_id":852201,"message":{"message_id":1500,
			 "from":{"id":1111111,"is_bot":false,"first_name":"Ana","language_code":"es"},
			 "chat":{"id":1111111,"first_name":"Ana","type":"private"},
			 "date":1733300000,"text":"Hola"}}]}""";

	private static final String NO_UPDATES = "{\"ok\":true,\"result\":[]}";

	private final ConversationEngine engine = mock(ConversationEngine.class);

	private WireMockServer telegram;

	private ApplicationContextRunner contexts;

	@BeforeEach
	void startTelegram() {
		this.telegram = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
		this.telegram.start();
		this.contexts = new ApplicationContextRunner().withUserConfiguration(Adapter.class)
			.withBean(ConversationEngine.class, () -> this.engine)
			.withBean("messageSource", MessageSource.class, CoreMessages::source)
			.withBean(FileStore.class, () -> mock(FileStore.class))
			.withBean(FilePolicy.class, () -> new FilePolicy(20_000_000))
			.withBean(Attachments.class, () -> mock(Attachments.class))
			.withBean(Outbox.class, () -> mock(Outbox.class))
			.withBean(SentMessages.class, () -> mock(SentMessages.class))
			.withPropertyValues("kompanion.telegram.api-url=http://127.0.0.1:" + this.telegram.port());
	}

	@AfterEach
	void stopTelegram() {
		this.telegram.stop();
	}

	@Test
	void staysOffWithoutToken(CapturedOutput output) {
		this.contexts.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(TelegramClient.class)
				.doesNotHaveBean(OutboxHandler.class)
				.doesNotHaveBean(TelegramUpdateHandler.class)
				.doesNotHaveBean(TelegramWebhookController.class);
		});

		assertThat(output).containsOnlyOnce("Telegram channel off: TELEGRAM_BOT_TOKEN is not set");
		assertThat(this.telegram.getAllServeEvents()).isEmpty();
	}

	@Test
	void pollsForUpdatesAndPassesThemToTheEngine(CapturedOutput output) {
		this.telegram.stubFor(post(urlPathMatching("(?i)/bot.*/deletewebhook")).willReturn(okJson(OK_TRUE)));
		this.telegram.stubFor(post(urlPathMatching("(?i)/bot.*/getupdates")).willReturn(okJson(ONE_UPDATE)));

		this.contexts.withPropertyValues("kompanion.telegram.token=" + TOKEN).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(TelegramClient.class)
				.hasSingleBean(TelegramLongPolling.class)
				.doesNotHaveBean(TelegramWebhookController.class);
			assertThat(topics(context)).containsExactlyInAnyOrder("TELEGRAM", "TELEGRAM_FILE");

			then(this.engine).should(timeout(5000))
				.handle(argThat((Inbound inbound) -> "123456:852201".equals(inbound.deliveryId())));
		});

		assertThat(output).contains("Telegram channel on (long polling)").doesNotContain(TOKEN);
		this.telegram.verify(postRequestedFor(urlPathMatching("(?i)/bot.*/deletewebhook")));
	}

	@Test
	void pollsOnlyForTheUpdateKindsItHandles() {
		this.telegram.stubFor(post(urlPathMatching("(?i)/bot.*/deletewebhook")).willReturn(okJson(OK_TRUE)));
		this.telegram.stubFor(post(urlPathMatching("(?i)/bot.*/getupdates")).willReturn(okJson(ONE_UPDATE)));

		this.contexts.withPropertyValues("kompanion.telegram.token=" + TOKEN)
			.run((context) -> await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> this.telegram
					.verify(postRequestedFor(urlPathMatching("(?i)/bot.*/getupdates")).withRequestBody(
							containing("\"allowed_updates\":[\"message\",\"edited_message\",\"callback_query\"]")))));
	}

	@Test
	void setsTheCommandMenuOnceConnected() {
		this.telegram.stubFor(post(urlPathMatching("(?i)/bot.*/deletewebhook")).willReturn(okJson(OK_TRUE)));
		this.telegram.stubFor(post(urlPathMatching("(?i)/bot.*/getupdates")).willReturn(okJson(NO_UPDATES)));
		this.telegram.stubFor(post(urlPathMatching("(?i)/bot.*/setmycommands")).willReturn(okJson(OK_TRUE)));

		this.contexts.withPropertyValues("kompanion.telegram.token=" + TOKEN)
			.run((context) -> assertThat(context).hasNotFailed());

		this.telegram.verify(3, postRequestedFor(urlPathMatching("(?i)/bot.*/setmycommands")));
		this.telegram.verify(postRequestedFor(urlPathMatching("(?i)/bot.*/setmycommands"))
			.withRequestBody(matchingJsonPath("$.language_code", equalTo("en")))
			.withRequestBody(matchingJsonPath("$.commands[0].command", equalTo("start"))));
	}

	@Test
	void startsEvenWhenTheCommandMenuCannotBeSet(CapturedOutput output) {
		this.telegram.stubFor(post(urlPathMatching("(?i)/bot.*/deletewebhook")).willReturn(okJson(OK_TRUE)));
		this.telegram.stubFor(post(urlPathMatching("(?i)/bot.*/getupdates")).willReturn(okJson(ONE_UPDATE)));
		this.telegram.stubFor(post(urlPathMatching("(?i)/bot.*/setmycommands")).willReturn(aResponse().withStatus(500)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"ok\":false,\"error_code\":500,\"description\":\"Internal Server Error\"}")));

		this.contexts.withPropertyValues("kompanion.telegram.token=" + TOKEN).run((context) -> {
			assertThat(context).hasNotFailed();
			then(this.engine).should(timeout(5000)).handle(any());
		});

		assertThat(output).contains("Telegram command menu (es) not set").doesNotContain(TOKEN);
	}

	@Test
	void registersWebhookWithSecretAndAllowedUpdates(CapturedOutput output) {
		this.telegram.stubFor(post(urlPathMatching("(?i)/bot.*/setwebhook")).willReturn(okJson(OK_TRUE)));

		this.contexts
			.withPropertyValues("kompanion.telegram.token=" + TOKEN,
					"kompanion.telegram.webhook-url=https://bot.kompanion.es/telegram/webhook",
					"kompanion.telegram.webhook-secret=s3cret_Token-42")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).hasSingleBean(TelegramWebhookController.class)
					.doesNotHaveBean(TelegramLongPolling.class);
				assertThat(topics(context)).containsExactlyInAnyOrder("TELEGRAM", "TELEGRAM_FILE");
			});

		assertThat(output).contains("Telegram channel on (webhook)").doesNotContain("s3cret_Token-42");
		this.telegram.verify(postRequestedFor(urlPathMatching("(?i)/bot.*/setwebhook"))
			.withRequestBodyPart(
					aMultipart("url").withBody(equalTo("https://bot.kompanion.es/telegram/webhook")).build())
			.withRequestBodyPart(aMultipart("secret_token").withBody(equalTo("s3cret_Token-42")).build())
			.withRequestBodyPart(aMultipart("allowed_updates")
				.withBody(equalTo("[\"message\",\"edited_message\",\"callback_query\"]"))
				.build()));
	}

	@Test
	void refusesToStartWebhookWithoutSecret() {
		this.contexts
			.withPropertyValues("kompanion.telegram.token=" + TOKEN,
					"kompanion.telegram.webhook-url=https://bot.kompanion.es/telegram/webhook")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("kompanion.telegram.webhook-secret"));
	}

	@Test
	void refusesToStartWhenTelegramRejectsTheToken() {
		this.telegram.stubFor(post(urlPathMatching("(?i)/bot.*/deletewebhook")).willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}")));

		this.contexts.withPropertyValues("kompanion.telegram.token=" + TOKEN).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure())
				.hasStackTraceContaining("Telegram long polling refused by Telegram: Unauthorized");
			assertThat(stackTrace(context.getStartupFailure())).doesNotContain(TOKEN);
		});
	}

	@Test
	void keepsTryingWhileTelegramIsUnavailable() {
		this.telegram.stubFor(post(urlPathMatching("(?i)/bot.*/setwebhook")).willReturn(aResponse().withStatus(502)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"ok\":false,\"error_code\":502,\"description\":\"Bad Gateway\"}")));

		this.contexts
			.withPropertyValues("kompanion.telegram.token=" + TOKEN,
					"kompanion.telegram.webhook-url=https://bot.kompanion.es/telegram/webhook",
					"kompanion.telegram.webhook-secret=s3cret_Token-42")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				this.telegram.stubFor(post(urlPathMatching("(?i)/bot.*/setwebhook")).willReturn(okJson(OK_TRUE)));

				await().atMost(Duration.ofSeconds(10))
					.untilAsserted(
							() -> this.telegram.verify(2, postRequestedFor(urlPathMatching("(?i)/bot.*/setwebhook"))));
			});
	}

	private static List<String> topics(ApplicationContext context) {
		return context.getBeansOfType(OutboxHandler.class).values().stream().map(OutboxHandler::topic).toList();
	}

	private static String stackTrace(Throwable failure) {
		StringWriter trace = new StringWriter();
		failure.printStackTrace(new PrintWriter(trace));
		return trace.toString();
	}

	@Configuration(proxyBeanMethods = false)
	@ComponentScan(basePackageClasses = TelegramUpdateHandler.class)
	static class Adapter {

	}

}
