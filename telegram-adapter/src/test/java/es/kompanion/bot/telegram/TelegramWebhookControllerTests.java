package es.kompanion.bot.telegram;

import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import es.kompanion.bot.conversation.ConversationEngine;
import es.kompanion.bot.conversation.Inbound;
import es.kompanion.bot.telegram.config.TelegramProperties;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class TelegramWebhookControllerTests {

	private static final String SECRET = "s3cret_Token-42";

	private static final String UPDATE = """
			{"update_id":852101,"message":{"message_id":1400,
			 "from":{"id":1111111,"is_bot":false,"first_name":"Ana","language_code":"es"},
			 "chat":{"id":1111111,"first_name":"Ana","type":"private"},
			 "date":1733300000,"text":"/start","entities":[{"offset":0,"length":6,"type":"bot_command"}],
			 "some_field_from_a_newer_bot_api":{"x":1}}}""";

	private final ConversationEngine engine = mock(ConversationEngine.class);

	private final TelegramClient telegram = mock(TelegramClient.class);

	private MockMvc mvc;

	@BeforeEach
	void setUp() throws Exception {
		TelegramProperties properties = new TelegramProperties("123456:TEST-token", "https://api.telegram.org",
				"https://bot.kompanion.es/telegram/webhook", SECRET, "/telegram/webhook");
		TelegramUpdateHandler handler = new TelegramUpdateHandler(this.engine, this.telegram, properties);
		this.mvc = MockMvcBuilders.standaloneSetup(new TelegramWebhookController(properties, handler)).build();
		given(this.telegram.executeAsync(any(SendMessage.class)))
			.willReturn(CompletableFuture.completedFuture(new Message()));
	}

	@Test
	void refusesCallWithoutSecret() throws Exception {
		this.mvc.perform(post("/telegram/webhook").contentType(MediaType.APPLICATION_JSON).content(UPDATE))
			.andExpect(status().isUnauthorized());

		then(this.engine).should(never()).handle(any());
	}

	@Test
	void refusesCallWithWrongSecret() throws Exception {
		this.mvc
			.perform(post("/telegram/webhook").header(TelegramWebhookController.SECRET_HEADER, SECRET + "x")
				.contentType(MediaType.APPLICATION_JSON)
				.content(UPDATE))
			.andExpect(status().isUnauthorized());

		then(this.engine).should(never()).handle(any());
	}

	@Test
	void handlesUpdateWithRightSecret() throws Exception {
		this.mvc
			.perform(post("/telegram/webhook").header(TelegramWebhookController.SECRET_HEADER, SECRET)
				.contentType(MediaType.APPLICATION_JSON)
				.content(UPDATE))
			.andExpect(status().isOk());

		then(this.engine).should()
			.handle(argThat((Inbound inbound) -> "123456:852101".equals(inbound.deliveryId())
					&& "/start".equals(inbound.text())));
	}

	@Test
	void refusesUnreadableBody() throws Exception {
		this.mvc
			.perform(post("/telegram/webhook").header(TelegramWebhookController.SECRET_HEADER, SECRET)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"update_id\":"))
			.andExpect(status().isBadRequest());

		then(this.engine).should(never()).handle(any());
	}

	@Test
	void refusesBodyThatIsNoUpdate() throws Exception {
		this.mvc
			.perform(post("/telegram/webhook").header(TelegramWebhookController.SECRET_HEADER, SECRET)
				.contentType(MediaType.APPLICATION_JSON)
				.content("[1,2,3]"))
			.andExpect(status().isBadRequest());

		then(this.engine).should(never()).handle(any());
	}

	@Test
	void acknowledgesUpdateTheEngineFailedOn() throws Exception {
		willThrow(new IllegalStateException("Conversation could not be saved")).given(this.engine).handle(any());

		this.mvc
			.perform(post("/telegram/webhook").header(TelegramWebhookController.SECRET_HEADER, SECRET)
				.contentType(MediaType.APPLICATION_JSON)
				.content(UPDATE))
			.andExpect(status().isOk());

		then(this.telegram).should().executeAsync(any(SendMessage.class));
	}

}
