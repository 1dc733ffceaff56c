package es.kompanion.bot.telegram;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

import jakarta.servlet.Filter;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.mock.web.DelegatingServletInputStream;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import es.kompanion.bot.conversation.ConversationEngine;
import es.kompanion.bot.conversation.Inbound;
import es.kompanion.bot.telegram.config.TelegramProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ExtendWith(OutputCaptureExtension.class)
class TelegramWebhookControllerTests {

	private static final String SECRET = "s3cret_Token-42";

	private static final int MEBIBYTE = 1024 * 1024;

	private static final String UPDATE = """
			{"update_id":852101,"message":{"message_id":1400,
			 "from":{"id":1111111,"is_bot":false,"first_name":"Ana","language_code":"es"},
			 "chat":{"id":1111111,"first_name":"Ana","type":"private"},
			 "date":1733300000,"text":"/start","entities":[{"offset":0,"length":6,"type":"bot_command"}],
			 "some_field_from_a_newer_bot_api":{"x":1}}}""";

	private final ConversationEngine engine = mock(ConversationEngine.class);

	private final TelegramClient telegram = mock(TelegramClient.class);

	private TelegramWebhookController controller;

	private MockMvc mvc;

	@BeforeEach
	void setUp() throws Exception {
		TelegramProperties properties = new TelegramProperties("123456:TEST-token", "https://api.telegram.org",
				"https://bot.kompanion.es/telegram/webhook", SECRET, "/telegram/webhook");
		TelegramUpdateHandler handler = new TelegramUpdateHandler(this.engine, this.telegram, properties,
				new TelegramGroupChats(this.telegram, CoreMessages.source(), properties));
		this.controller = new TelegramWebhookController(properties, handler);
		this.mvc = MockMvcBuilders.standaloneSetup(this.controller).build();
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

	@Test
	void refusesADeclaredBodyOverOneMebibyteWithoutReadingIt(CapturedOutput output) throws Exception {
		CountingBody body = new CountingBody(10 * MEBIBYTE);

		streaming(body, 10L * MEBIBYTE)
			.perform(post("/telegram/webhook").header(TelegramWebhookController.SECRET_HEADER, SECRET)
				.contentType(MediaType.APPLICATION_JSON))
			.andExpect(status().isContentTooLarge());

		assertThat(body.bytesRead()).isZero();
		assertThat(output).containsOnlyOnce("WARN").contains("over 1048576 bytes").doesNotContain("texto del body");
		then(this.engine).should(never()).handle(any());
	}

	@Test
	void refusesAChunkedBodyOverOneMebibyteAfterReadingNoMoreThanTheLimit(CapturedOutput output) throws Exception {
		CountingBody body = new CountingBody(10 * MEBIBYTE);

		streaming(body, -1)
			.perform(post("/telegram/webhook").header(TelegramWebhookController.SECRET_HEADER, SECRET)
				.contentType(MediaType.APPLICATION_JSON))
			.andExpect(status().isContentTooLarge());

		assertThat(body.bytesRead()).isLessThanOrEqualTo(MEBIBYTE + 1);
		assertThat(output).containsOnlyOnce("WARN").doesNotContain("texto del body");
		then(this.engine).should(never()).handle(any());
	}

	@Test
	void refusesAChunkedBodyWithoutSecretWithoutReadingIt() throws Exception {
		CountingBody body = new CountingBody(10 * MEBIBYTE);

		streaming(body, -1).perform(post("/telegram/webhook").contentType(MediaType.APPLICATION_JSON))
			.andExpect(status().isUnauthorized());

		assertThat(body.bytesRead()).isZero();
	}

	/**
	 * Calls the controller with a body that is streamed to it, as a servlet container
	 * would, declaring the given length, or none when it is negative.
	 */
	private MockMvc streaming(InputStream body, long declaredLength) {
		Filter streamed = (request, response, chain) -> chain
			.doFilter(new HttpServletRequestWrapper((HttpServletRequest) request) {

				@Override
				public ServletInputStream getInputStream() {
					return new DelegatingServletInputStream(body);
				}

				@Override
				public long getContentLengthLong() {
					return declaredLength;
				}

				@Override
				public int getContentLength() {
					return (int) Math.min(declaredLength, Integer.MAX_VALUE);
				}

			}, response);
		return MockMvcBuilders.standaloneSetup(this.controller).addFilters(streamed).build();
	}

	/**
	 * A body of a given size that is made up as it is read, counting what was read.
	 */
	private static final class CountingBody extends InputStream {

		private static final byte[] TEXT = "texto del body ".getBytes(StandardCharsets.US_ASCII);

		private final long size;

		private long read;

		CountingBody(long size) {
			this.size = size;
		}

		@Override
		public int read() {
			if (this.read >= this.size) {
				return -1;
			}
			return TEXT[(int) (this.read++ % TEXT.length)];
		}

		long bytesRead() {
			return this.read;
		}

	}

}
