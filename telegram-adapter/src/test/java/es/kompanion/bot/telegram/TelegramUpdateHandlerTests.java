package es.kompanion.bot.telegram;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.ApiResponse;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import es.kompanion.bot.conversation.ConversationEngine;
import es.kompanion.bot.conversation.Inbound;
import es.kompanion.bot.conversation.InboundFile;
import es.kompanion.bot.conversation.TurnOutcome;
import es.kompanion.bot.telegram.config.TelegramProperties;
import es.kompanion.bot.user.ChatAccount;
import es.kompanion.bot.user.Channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;

@ExtendWith(OutputCaptureExtension.class)
class TelegramUpdateHandlerTests {

	private static final String ANA = """
			{"id":1111111,"is_bot":false,"first_name":"Ana","last_name":"García","username":"anagarcia",
			 "language_code":"es"}""";

	private static final String ANA_CHAT = """
			{"id":1111111,"first_name":"Ana","last_name":"García","username":"anagarcia","type":"private"}""";

	private static final String BOT = """
			{"id":777000,"is_bot":true,"first_name":"Kompanion","username":"kompanion_bot"}""";

	private final ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
			false);

	private final ConversationEngine engine = mock(ConversationEngine.class);

	private final TelegramClient telegram = mock(TelegramClient.class);

	private final TelegramUpdateHandler handler = new TelegramUpdateHandler(this.engine, this.telegram,
			new TelegramProperties("123456:TEST-token", "https://api.telegram.org", "", "", "/telegram/webhook"));

	@BeforeEach
	void telegramTakesEveryCall() throws Exception {
		given(this.telegram.executeAsync(any(AnswerCallbackQuery.class)))
			.willReturn(CompletableFuture.completedFuture(true));
		given(this.telegram.executeAsync(any(SendMessage.class)))
			.willReturn(CompletableFuture.completedFuture(new Message()));
		given(this.engine.handle(any())).willReturn(TurnOutcome.HANDLED);
	}

	@Test
	void passesPrivateTextMessageToTheEngine() throws Exception {
		Update update = update("""
				{"update_id":852001,"message":{"message_id":1365,"from":%s,"chat":%s,"date":1733300000,
				 "text":"Hola, necesito ayuda con el Modelo 303"}}""".formatted(ANA, ANA_CHAT));

		this.handler.handle(update);

		Inbound inbound = handled();
		assertThat(inbound.account()).isEqualTo(new ChatAccount(Channel.TELEGRAM, "1111111", "1111111", "Ana García"));
		assertThat(inbound.deliveryId()).isEqualTo("123456:852001");
		assertThat(inbound.languageCode()).isEqualTo("es");
		assertThat(inbound.text()).isEqualTo("Hola, necesito ayuda con el Modelo 303");
		assertThat(inbound.choice()).isNull();
		assertThat(inbound.files()).isEmpty();
	}

	@Test
	void passesTheLargestPhotoSizeWithItsCaption() throws Exception {
		Update update = update("""
				{"update_id":852002,"message":{"message_id":1366,"from":%s,"chat":%s,"date":1733300000,
				 "caption":"La factura",
				 "photo":[{"file_id":"small","file_unique_id":"s1","width":90,"height":67,"file_size":1254},
				          {"file_id":"medium","file_unique_id":"m1","width":320,"height":240,"file_size":15401},
				          {"file_id":"large","file_unique_id":"l1","width":1280,"height":960,"file_size":148330}]}}"""
			.formatted(ANA, ANA_CHAT));

		this.handler.handle(update);

		Inbound inbound = handled();
		assertThat(inbound.text()).isEqualTo("La factura");
		assertThat(inbound.files()).containsExactly(new InboundFile("large", null, "image/jpeg", 148330));
	}

	@Test
	void passesDocumentsWithNameTypeAndSize() throws Exception {
		Update update = update("""
				{"update_id":852003,"message":{"message_id":1367,"from":%s,"chat":%s,"date":1733300000,
				 "document":{"file_id":"BQACAgQAAxkBAAIB","file_unique_id":"AgADBQAC","file_name":"nominas marzo.pdf",
				             "mime_type":"application/pdf","file_size":20480}}}""".formatted(ANA, ANA_CHAT));

		this.handler.handle(update);

		assertThat(handled().files())
			.containsExactly(new InboundFile("BQACAgQAAxkBAAIB", "nominas marzo.pdf", "application/pdf", 20480));
	}

	@Test
	void passesButtonPressAsChoiceAndAnswersIt() throws Exception {
		Update update = update("""
				{"update_id":852004,"callback_query":{"id":"4382bfdwdsb323b2d9","from":%s,
				 "message":{"message_id":1368,"from":%s,"chat":%s,"date":1733300000,"text":"¿Qué departamento?"},
				 "chat_instance":"-5306405453491384578","data":"d:1"}}""".formatted(ANA, BOT, ANA_CHAT));

		this.handler.handle(update);

		Inbound inbound = handled();
		assertThat(inbound.choice()).isEqualTo("d:1");
		assertThat(inbound.text()).isNull();
		assertThat(inbound.deliveryId()).isEqualTo("123456:852004");
		assertThat(inbound.account().chatId()).isEqualTo("1111111");
		assertThat(sent(AnswerCallbackQuery.class)).singleElement()
			.extracting(AnswerCallbackQuery::getCallbackQueryId)
			.isEqualTo("4382bfdwdsb323b2d9");
	}

	@Test
	void answersButtonPressEvenWhenTheEngineFails() throws Exception {
		willThrow(new IllegalStateException("Conversation could not be saved")).given(this.engine).handle(any());
		Update update = update("""
				{"update_id":852005,"callback_query":{"id":"4382bfdwdsb323b2e0","from":%s,
				 "message":{"message_id":1369,"from":%s,"chat":%s,"date":1733300000,"text":"Menú"},
				 "chat_instance":"-5306405453491384578","data":"n"}}""".formatted(ANA, BOT, ANA_CHAT));

		this.handler.handle(update);

		assertThat(sent(AnswerCallbackQuery.class)).singleElement()
			.extracting(AnswerCallbackQuery::getCallbackQueryId)
			.isEqualTo("4382bfdwdsb323b2e0");
	}

	@Test
	void toleratesAnAnswerThatCameTooLate(CapturedOutput output) throws Exception {
		ApiResponse<Boolean> tooOld = ApiResponse.<Boolean>builder()
			.ok(false)
			.errorCode(400)
			.errorDescription("Bad Request: query is too old and response timeout expired or query ID is invalid")
			.build();
		given(this.telegram.executeAsync(any(AnswerCallbackQuery.class)))
			.willReturn(CompletableFuture.failedFuture(new TelegramApiRequestException("Error executing", tooOld)));
		Update update = update("""
				{"update_id":852006,"callback_query":{"id":"old","from":%s,
				 "message":{"message_id":1370,"from":%s,"chat":%s,"date":1733300000,"text":"Menú"},
				 "chat_instance":"-5306405453491384578","data":"m"}}""".formatted(ANA, BOT, ANA_CHAT));

		this.handler.handle(update);

		then(this.engine).should().handle(any());
		assertThat(output).contains("button answer came too late").doesNotContain("WARN");
	}

	@Test
	void tellsTheClientInTheirLanguageWhenTheEngineFails() throws Exception {
		willThrow(new IllegalStateException("Conversation could not be saved")).given(this.engine).handle(any());
		Update update = update("""
				{"update_id":852007,"message":{"message_id":1371,"from":%s,"chat":%s,"date":1733300000,
				 "text":"Hello"}}""".formatted(ANA.replace("\"es\"", "\"en-GB\""), ANA_CHAT));

		this.handler.handle(update);

		assertThat(sent(SendMessage.class)).singleElement().satisfies((notice) -> {
			assertThat(notice.getChatId()).isEqualTo("1111111");
			assertThat(notice.getText())
				.isEqualTo("Something went wrong with your message. Please try again in a moment.");
		});
	}

	@Test
	void tellsTheClientInSpanishByDefaultWhenTheEngineFails() throws Exception {
		willThrow(new IllegalStateException("Conversation could not be saved")).given(this.engine).handle(any());
		Update update = update("""
				{"update_id":852008,"message":{"message_id":1372,"from":%s,"chat":%s,"date":1733300000,
				 "text":"Hola"}}""".formatted(ANA, ANA_CHAT));

		this.handler.handle(update);

		assertThat(sent(SendMessage.class)).singleElement()
			.extracting(SendMessage::getText)
			.isEqualTo("Ha habido un problema al procesar tu mensaje. Inténtalo de nuevo en un momento.");
	}

	@Test
	void ignoresGroupMessages() throws Exception {
		Update update = update("""
				{"update_id":852009,"message":{"message_id":1373,"from":%s,
				 "chat":{"id":-1001234567890,"title":"Kompanion clientes","type":"supergroup"},
				 "date":1733300000,"text":"Hola a todos"}}""".formatted(ANA));

		this.handler.handle(update);

		then(this.engine).should(never()).handle(any());
	}

	@Test
	void ignoresBasicGroupMessages() throws Exception {
		Update update = update("""
				{"update_id":852010,"message":{"message_id":1374,"from":%s,
				 "chat":{"id":-4012345678,"title":"Oficina","type":"group"},
				 "date":1733300000,"text":"/start"}}""".formatted(ANA));

		this.handler.handle(update);

		then(this.engine).should(never()).handle(any());
	}

	@Test
	void ignoresMessagesFromBots() throws Exception {
		Update update = update("""
				{"update_id":852011,"message":{"message_id":1375,"from":%s,
				 "chat":{"id":777000,"first_name":"Kompanion","type":"private"},
				 "date":1733300000,"text":"Soy un bot"}}""".formatted(BOT));

		this.handler.handle(update);

		then(this.engine).should(never()).handle(any());
	}

	@Test
	void ignoresEditedMessages() throws Exception {
		Update update = update("""
				{"update_id":852012,"edited_message":{"message_id":1365,"from":%s,"chat":%s,"date":1733300000,
				 "edit_date":1733300100,"text":"Hola, necesito ayuda con el Modelo 111"}}""".formatted(ANA, ANA_CHAT));

		this.handler.handle(update);

		then(this.engine).should(never()).handle(any());
	}

	@Test
	void asksTelegramOnlyForTheUpdateKindsItHandles() {
		assertThat(TelegramUpdateHandler.ALLOWED_UPDATES).containsExactly("message", "callback_query");
	}

	private Update update(String body) throws Exception {
		return this.json.readValue(body, Update.class);
	}

	private <M> List<M> sent(Class<M> type) throws Exception {
		ArgumentCaptor<BotApiMethod<?>> calls = ArgumentCaptor.captor();
		then(this.telegram).should(atLeast(0)).executeAsync(calls.capture());
		return calls.getAllValues().stream().filter(type::isInstance).map(type::cast).toList();
	}

	private Inbound handled() {
		ArgumentCaptor<Inbound> inbound = ArgumentCaptor.forClass(Inbound.class);
		then(this.engine).should().handle(inbound.capture());
		return inbound.getValue();
	}

}
