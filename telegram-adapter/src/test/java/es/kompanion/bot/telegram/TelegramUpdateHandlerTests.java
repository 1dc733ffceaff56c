package es.kompanion.bot.telegram;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.ApiResponse;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.MessageSource;

import es.kompanion.bot.conversation.ConversationEngine;
import es.kompanion.bot.conversation.Inbound;
import es.kompanion.bot.conversation.InboundFile;
import es.kompanion.bot.conversation.TurnOutcome;
import es.kompanion.bot.telegram.config.TelegramProperties;
import es.kompanion.bot.user.ChatAccount;
import es.kompanion.bot.user.Channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;

@ExtendWith(OutputCaptureExtension.class)
class TelegramUpdateHandlerTests {

	private static final String ANA = """
			{"id":1111111,"is_bot":false,"first_name":"Ana","last_name":"García","username":"anagarcia",
			 "language_code":"es"}""";

	private static final String ANA_CHAT = """
			{"id":1111111,"first_name":"Ana","last_name":"García","username":"anagarcia","type":"private"}""";

	private static final String BOT = """
			{"id":777000,"is_bot":true,"first_name":"Kompanion","username":"kompanion_bot"}""";

	/** This bot: its id is the part of the token before the colon. */
	private static final String SELF = """
			{"id":123456,"is_bot":true,"first_name":"Kompanion","username":"kompanion_bot"}""";

	private static final String GROUP = """
			{"id":-1001234567890,"title":"Kompanion clientes","type":"supergroup"}""";

	private final ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
			false);

	private final ConversationEngine engine = mock(ConversationEngine.class);

	private final TelegramClient telegram = mock(TelegramClient.class);

	private final MessageSource messages = CoreMessages.source();

	private final TelegramProperties properties = new TelegramProperties("123456:TEST-token",
			"https://api.telegram.org", "", "", "/telegram/webhook");

	private final TelegramUpdateHandler handler = new TelegramUpdateHandler(this.engine, this.telegram, this.properties,
			new TelegramGroupChats(this.telegram, this.messages, this.properties));

	@BeforeEach
	void telegramTakesEveryCall() throws Exception {
		given(this.telegram.executeAsync(any(AnswerCallbackQuery.class)))
			.willReturn(CompletableFuture.completedFuture(true));
		given(this.telegram.executeAsync(any(SendMessage.class)))
			.willReturn(CompletableFuture.completedFuture(new Message()));
		given(this.engine.handle(any())).willReturn(TurnOutcome.HANDLED);
		given(this.engine.firstDelivery(any(), any())).willReturn(true);
		given(this.telegram.execute(any(GetMe.class))).willReturn(this.json.readValue(SELF, User.class));
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
				 "photo":[{"file_id":"medium","file_unique_id":"m1","width":320,"height":240,"file_size":15401},
				          {"file_id":"large","file_unique_id":"l1","width":1280,"height":960,"file_size":148330},
				          {"file_id":"small","file_unique_id":"s1","width":90,"height":67,"file_size":1254}]}}"""
			.formatted(ANA, ANA_CHAT));

		this.handler.handle(update);

		Inbound inbound = handled();
		assertThat(inbound.text()).isEqualTo("La factura");
		assertThat(inbound.files()).containsExactly(new InboundFile("large", "photo_1366.jpg", "image/jpeg", 148330));
	}

	@Test
	void picksThePhotoWithTheMostPixelsWhenTelegramGivesNoSizes() throws Exception {
		Update update = update("""
				{"update_id":852020,"message":{"message_id":1390,"from":%s,"chat":%s,"date":1733300000,
				 "photo":[{"file_id":"big","file_unique_id":"b1","width":1280,"height":960},
				          {"file_id":"thumb","file_unique_id":"t1","width":90,"height":67}]}}""".formatted(ANA,
				ANA_CHAT));

		this.handler.handle(update);

		assertThat(handled().files()).singleElement().extracting(InboundFile::ref).isEqualTo("big");
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
	void namesVideosAudioAndVoiceNotesTelegramLeavesUnnamed() throws Exception {
		this.handler.handle(update("""
				{"update_id":852021,"message":{"message_id":1391,"from":%s,"chat":%s,"date":1733300000,
				 "video":{"file_id":"BAACAgQ","file_unique_id":"v1","width":1280,"height":720,"duration":12,
				          "mime_type":"video/quicktime","file_size":2048000}}}""".formatted(ANA, ANA_CHAT)));
		this.handler.handle(update("""
				{"update_id":852022,"message":{"message_id":1392,"from":%s,"chat":%s,"date":1733300000,
				 "audio":{"file_id":"CQACAgQ","file_unique_id":"a1","duration":95,"file_name":"reunión.m4a",
				          "mime_type":"audio/mp4","file_size":880000}}}""".formatted(ANA, ANA_CHAT)));
		this.handler.handle(update("""
				{"update_id":852023,"message":{"message_id":1393,"from":%s,"chat":%s,"date":1733300000,
				 "voice":{"file_id":"AwACAgQ","file_unique_id":"n1","duration":4,"mime_type":"audio/ogg",
				          "file_size":9100}}}""".formatted(ANA, ANA_CHAT)));

		ArgumentCaptor<Inbound> inbounds = ArgumentCaptor.forClass(Inbound.class);
		then(this.engine).should(times(3)).handle(inbounds.capture());
		assertThat(inbounds.getAllValues()).flatMap(Inbound::files)
			.containsExactly(new InboundFile("BAACAgQ", "video_1391.mov", "video/quicktime", 2048000),
					new InboundFile("CQACAgQ", "reunión.m4a", "audio/mp4", 880000),
					new InboundFile("AwACAgQ", "voice_1393.ogg", "audio/ogg", 9100));
	}

	@Test
	void passesMessageIdAndAlbumOfEachPhotoInAnAlbum() throws Exception {
		this.handler.handle(update("""
				{"update_id":852024,"message":{"message_id":1394,"from":%s,"chat":%s,"date":1733300000,
				 "media_group_id":"13577112212345678","caption":"Facturas de marzo",
				 "photo":[{"file_id":"p1","file_unique_id":"u1","width":800,"height":600,"file_size":60000}]}}"""
			.formatted(ANA, ANA_CHAT)));
		this.handler.handle(update("""
				{"update_id":852025,"message":{"message_id":1395,"from":%s,"chat":%s,"date":1733300000,
				 "media_group_id":"13577112212345678",
				 "photo":[{"file_id":"p2","file_unique_id":"u2","width":800,"height":600,"file_size":61000}]}}"""
			.formatted(ANA, ANA_CHAT)));

		ArgumentCaptor<Inbound> inbounds = ArgumentCaptor.forClass(Inbound.class);
		then(this.engine).should(times(2)).handle(inbounds.capture());
		assertThat(inbounds.getAllValues()).extracting(Inbound::messageRef, Inbound::mediaGroupId, Inbound::text)
			.containsExactly(tuple("1394", "13577112212345678", "Facturas de marzo"),
					tuple("1395", "13577112212345678", null));
	}

	@Test
	void passesTheBotMessageAClientRepliedTo() throws Exception {
		Update update = update("""
				{"update_id":852026,"message":{"message_id":1396,"from":%s,"chat":%s,"date":1733300000,
				 "text":"Adjunto lo que faltaba",
				 "reply_to_message":{"message_id":1290,"from":%s,"chat":%s,"date":1733200000,
				                     "text":"Tu consulta #1042 está pendiente de ti"}}}""".formatted(ANA, ANA_CHAT,
				SELF, ANA_CHAT));

		this.handler.handle(update);

		Inbound inbound = handled();
		assertThat(inbound.replyToRef()).isEqualTo("1290");
		assertThat(inbound.messageRef()).isEqualTo("1396");
	}

	@Test
	void passesRepliesToTheirOwnMessagesButNotToOtherBots() throws Exception {
		this.handler.handle(update("""
				{"update_id":852027,"message":{"message_id":1397,"from":%s,"chat":%s,"date":1733300000,
				 "text":"Perdón, quería decir el 303",
				 "reply_to_message":{"message_id":1396,"from":%s,"chat":%s,"date":1733200000,"text":"El 111"}}}"""
			.formatted(ANA, ANA_CHAT, ANA, ANA_CHAT)));
		this.handler.handle(update("""
				{"update_id":852028,"message":{"message_id":1398,"from":%s,"chat":%s,"date":1733300000,
				 "text":"¿Y esto?",
				 "reply_to_message":{"message_id":1200,"from":%s,"chat":%s,"date":1733200000,"text":"Otro bot"}}}"""
			.formatted(ANA, ANA_CHAT, BOT, ANA_CHAT)));

		ArgumentCaptor<Inbound> inbounds = ArgumentCaptor.forClass(Inbound.class);
		then(this.engine).should(times(2)).handle(inbounds.capture());
		assertThat(inbounds.getAllValues()).extracting(Inbound::replyToRef).containsExactly("1396", null);
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
	void ignoresGroupMessagesNotMeantForTheBot() throws Exception {
		Update update = update("""
				{"update_id":852009,"message":{"message_id":1373,"from":%s,"chat":%s,
				 "date":1733300000,"text":"Hola a todos, @maria mira esto",
				 "entities":[{"offset":14,"length":6,"type":"mention"}]}}""".formatted(ANA, GROUP));

		this.handler.handle(update);

		conversationUntouched();
		assertThat(sent(SendMessage.class)).isEmpty();
	}

	@Test
	void pointsToAPrivateChatWhenACommandIsSentInAGroup() throws Exception {
		Update update = update("""
				{"update_id":852010,"message":{"message_id":1374,"from":%s,
				 "chat":{"id":-4012345678,"title":"Oficina","type":"group"},
				 "date":1733300000,"text":"/start","entities":[{"offset":0,"length":6,"type":"bot_command"}]}}"""
			.formatted(ANA));

		this.handler.handle(update);

		conversationUntouched();
		assertThat(sent(SendMessage.class)).singleElement().satisfies((note) -> {
			assertThat(note.getChatId()).isEqualTo("-4012345678");
			assertThat(note.getText()).isEqualTo(privateOnly(Locale.forLanguageTag("es")));
			assertThat(note.getReplyParameters().getMessageId()).isEqualTo(1374);
		});
	}

	@Test
	void pointsToAPrivateChatInTheUsersLanguageWhenACommandNamesTheBot() throws Exception {
		Update update = update("""
				{"update_id":852029,"message":{"message_id":1399,"from":%s,"chat":%s,
				 "date":1733300000,"text":"/tickets@Kompanion_Bot",
				 "entities":[{"offset":0,"length":22,"type":"bot_command"}]}}"""
			.formatted(ANA.replace("\"es\"", "\"en\""), GROUP));

		this.handler.handle(update);

		conversationUntouched();
		assertThat(sent(SendMessage.class)).singleElement()
			.extracting(SendMessage::getText)
			.isEqualTo(privateOnly(Locale.ENGLISH))
			.isNotEqualTo(privateOnly(Locale.forLanguageTag("es")));
	}

	@Test
	void pointsToAPrivateChatWhenAGroupMessageMentionsTheBot() throws Exception {
		Update update = update("""
				{"update_id":852030,"message":{"message_id":1400,"from":%s,"chat":%s,
				 "date":1733300000,"text":"@kompanion_bot ¿cómo abro una consulta?",
				 "entities":[{"offset":0,"length":14,"type":"mention"}]}}""".formatted(ANA, GROUP));

		this.handler.handle(update);

		conversationUntouched();
		assertThat(sent(SendMessage.class)).singleElement()
			.extracting(SendMessage::getChatId)
			.isEqualTo("-1001234567890");
	}

	@Test
	void leavesCommandsForOtherBotsInAGroupAlone() throws Exception {
		Update update = update("""
				{"update_id":852031,"message":{"message_id":1401,"from":%s,"chat":%s,
				 "date":1733300000,"text":"/start@otro_bot",
				 "entities":[{"offset":0,"length":15,"type":"bot_command"}]}}""".formatted(ANA, GROUP));

		this.handler.handle(update);

		conversationUntouched();
		assertThat(sent(SendMessage.class)).isEmpty();
	}

	@Test
	void ignoresChannelPosts() throws Exception {
		Update update = update("""
				{"update_id":852032,"message":{"message_id":1402,"from":%s,
				 "chat":{"id":-1009876543210,"title":"Novedades","type":"channel"},
				 "date":1733300000,"text":"/start"}}""".formatted(ANA));

		this.handler.handle(update);

		conversationUntouched();
		assertThat(sent(SendMessage.class)).isEmpty();
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
	void passesAnEditedMessageToTheEngineWithoutAnsweringIt() throws Exception {
		Update update = update("""
				{"update_id":852012,"edited_message":{"message_id":1365,"from":%s,"chat":%s,"date":1733300000,
				 "edit_date":1733300100,"text":"Hola, necesito ayuda con el Modelo 111"}}""".formatted(ANA, ANA_CHAT));

		this.handler.handle(update);

		then(this.engine).should()
			.edit(new ChatAccount(Channel.TELEGRAM, "1111111", "1111111", "Ana García"), "123456:852012", "1365",
					"Hola, necesito ayuda con el Modelo 111");
		then(this.engine).should(never()).handle(any());
		then(this.telegram).shouldHaveNoInteractions();
	}

	@Test
	void passesTheNewCaptionOfAnEditedPhoto() throws Exception {
		Update update = update("""
				{"update_id":852033,"edited_message":{"message_id":1366,"from":%s,"chat":%s,"date":1733300000,
				 "edit_date":1733300100,"caption":"La factura de abril",
				 "photo":[{"file_id":"large","file_unique_id":"l1","width":1280,"height":960,"file_size":148330}]}}"""
			.formatted(ANA, ANA_CHAT));

		this.handler.handle(update);

		then(this.engine).should().edit(any(), eq("123456:852033"), eq("1366"), eq("La factura de abril"));
	}

	@Test
	void ignoresEditsInGroups() throws Exception {
		Update update = update("""
				{"update_id":852034,"edited_message":{"message_id":1373,"from":%s,"chat":%s,"date":1733300000,
				 "edit_date":1733300100,"text":"/start"}}""".formatted(ANA, GROUP));

		this.handler.handle(update);

		conversationUntouched();
		assertThat(sent(SendMessage.class)).isEmpty();
	}

	@Test
	void asksTelegramOnlyForTheUpdateKindsItHandles() {
		assertThat(TelegramUpdateHandler.ALLOWED_UPDATES).containsExactly("message", "edited_message",
				"callback_query");
	}

	private String privateOnly(Locale locale) {
		return this.messages.getMessage("chat.private-only", null, locale);
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

	/**
	 * Nothing reached a conversation; a group note only claims its delivery.
	 */
	private void conversationUntouched() {
		then(this.engine).should(never()).handle(any());
		then(this.engine).should(never()).edit(any(), any(), any(), any());
	}

	@Test
	void aGroupUpdateDeliveredTwiceGetsOneNote() throws Exception {
		given(this.engine.firstDelivery(Channel.TELEGRAM, "123456:852077")).willReturn(true, false);
		Update update = update("""
				{"update_id":852077,"message":{"message_id":1380,"from":%s,
				 "chat":{"id":-4012345678,"title":"Oficina","type":"group"},
				 "date":1733300000,"text":"/start","entities":[{"offset":0,"length":6,"type":"bot_command"}]}}"""
			.formatted(ANA));

		this.handler.handle(update);
		this.handler.handle(update);

		assertThat(sent(SendMessage.class)).hasSize(1);
	}

}
