package es.kompanion.bot.conversation;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import jakarta.mail.internet.MimeMessage;

import es.kompanion.bot.mail.MailIntegrationTest;
import es.kompanion.bot.mail.SmtpServer;
import es.kompanion.bot.user.Channel;
import es.kompanion.bot.user.ChatAccount;
import es.kompanion.bot.user.Client;
import es.kompanion.bot.user.Clients;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Linking a chat with a code sent to the client's email, on the real MariaDB: the code
 * round trip, wrong, expired and exhausted codes, the limits, and the same answer for an
 * email that is nobody's. Also unlinking from the chat.
 */
@MailIntegrationTest
@RecordApplicationEvents
class AccountLinkingIntegrationTests {

	private static final AtomicInteger DELIVERIES = new AtomicInteger();

	@Autowired
	private ConversationEngine engine;

	@Autowired
	private Clients clients;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private JsonMapper json;

	@Autowired
	private ApplicationEvents events;

	@Test
	void aCodeMailedToTheClientsEmailLinksTheChat() throws Exception {
		Client client = client("es");
		ChatAccount chat = stranger();

		String asked = say(chat, "  " + client.getEmail().toUpperCase() + " ");
		LinkCodeIssued issued = this.events.stream(LinkCodeIssued.class).findFirst().orElseThrow();
		MimeMessage mail = SmtpServer.awaitMail(client.getEmail(), 1).get(0);
		assertThat(SmtpServer.text(mail)).contains(issued.code(), "15");
		String linked = say(chat, issued.code().substring(0, 3) + " " + issued.code().substring(3));

		assertThat(asked).contains("código de 6 cifras", "15 minutos");
		assertThat(issued.email()).isEqualTo(client.getEmail());
		assertThat(issued.language()).isEqualTo("es");
		assertThat(issued.code()).matches("\\d{6}");
		assertThat(linked).contains("¡Hola, Lucía!", "¿En qué te ayudamos?");
		assertThat(this.clients.findLinked(Channel.TELEGRAM, chat.externalUserId())).isPresent();
		assertThat(say(chat, issued.code())).contains("No tienes consultas abiertas").doesNotContain("¡Hola, Lucía!");
	}

	@Test
	void anEmailThatIsNobodysGetsTheSameAnswerAndNoMail() {
		Client client = client("es");
		ChatAccount known = stranger();
		ChatAccount unknown = stranger();

		String forKnown = say(known, client.getEmail());
		String forUnknown = say(unknown, "nadie-" + client.getEmail());

		assertThat(forUnknown.replace("nadie-", "")).isEqualTo(forKnown);
		assertThat(this.events.stream(LinkCodeIssued.class)).hasSize(1);
		assertThat(
				this.jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE topic = 'EMAIL' AND payload LIKE ?",
						Integer.class, "%nadie-%"))
			.isZero();
		assertThat(codeRows(known)).isEqualTo(1);
		assertThat(codeRows(unknown)).isEqualTo(1);
		assertThat(say(unknown, "123456")).contains("no es correcto", "4");
		assertThat(this.clients.findLinked(Channel.TELEGRAM, unknown.externalUserId())).isEmpty();
	}

	@Test
	void wrongCodesCountDownAndTheLastOneSpendsTheCode() {
		Client client = client("en");
		ChatAccount chat = stranger();
		say(chat, client.getEmail());
		String right = this.events.stream(LinkCodeIssued.class).findFirst().orElseThrow().code();
		String wrong = right.equals("000000") ? "000001" : "000000";

		assertThat(say(chat, wrong)).contains("Te quedan 4 intentos");
		say(chat, wrong);
		say(chat, wrong);
		assertThat(say(chat, wrong)).contains("Te queda 1 intento.");
		assertThat(say(chat, wrong)).contains("Demasiados intentos");
		assertThat(say(chat, right)).contains("Soy el asistente");
		assertThat(this.clients.findLinked(Channel.TELEGRAM, chat.externalUserId())).isEmpty();
	}

	@Test
	void aCodeLinksNothingOnceTheClientIsDeactivated() {
		Client client = client("es");
		ChatAccount chat = stranger();
		say(chat, client.getEmail());
		String code = this.events.stream(LinkCodeIssued.class).findFirst().orElseThrow().code();
		this.clients.deactivate(client.getId());

		assertThat(say(chat, code)).contains("no es correcto");
		assertThat(this.clients.findLinked(Channel.TELEGRAM, chat.externalUserId())).isEmpty();
		assertThat(this.clients.identitiesOf(client.getId())).isEmpty();
	}

	@Test
	void aNewInvitationRetiresTheOneBefore() {
		Client client = client("es");
		String first = this.clients.issueInvitation(client.getId());
		String second = this.clients.issueInvitation(client.getId());

		assertThat(say(stranger(), "/start " + first)).contains("ya no sirve");
		assertThat(say(stranger(), "/start " + second)).contains("¡Hola, Lucía!");
	}

	@Test
	void aLinkedClientWhoIsDeactivatedIsToldSoInsteadOfBeingGreetedAsAStranger() throws Exception {
		Client client = client("es");
		ChatAccount chat = stranger();
		say(chat, client.getEmail());
		say(chat, this.events.stream(LinkCodeIssued.class).findFirst().orElseThrow().code());
		this.clients.deactivate(client.getId());

		assertThat(say(chat, "Hola, ¿seguís ahí?")).contains("no está activa").doesNotContain("Soy el asistente");
	}

	@Test
	void anExpiredCodeLinksNothing() {
		Client client = client("es");
		ChatAccount chat = stranger();
		say(chat, client.getEmail());
		String code = this.events.stream(LinkCodeIssued.class).findFirst().orElseThrow().code();
		this.jdbc.update("UPDATE link_code SET expires_at = DATE_SUB(expires_at, INTERVAL 16 MINUTE) "
				+ "WHERE external_user_id = ?", chat.externalUserId());

		assertThat(say(chat, code)).contains("ha caducado");
		assertThat(this.clients.findLinked(Channel.TELEGRAM, chat.externalUserId())).isEmpty();
	}

	@Test
	void onlyTheNewestCodeWorksAndRequestsAreLimitedPerChatAndPerEmail() {
		Client client = client("es");
		ChatAccount chat = stranger();
		say(chat, client.getEmail());
		say(chat, client.getEmail());
		say(chat, client.getEmail());
		List<LinkCodeIssued> issued = this.events.stream(LinkCodeIssued.class).toList();

		assertThat(say(chat, client.getEmail())).contains("Ya has pedido varios códigos");
		assertThat(say(stranger(), client.getEmail())).contains("Se han pedido ya varios códigos para ese email");
		assertThat(issued).hasSize(3);
		if (!issued.get(0).code().equals(issued.get(2).code())) {
			assertThat(say(chat, issued.get(0).code())).contains("no es correcto");
		}
		assertThat(say(chat, issued.get(2).code())).contains("¡Hola, Lucía!");
	}

	@Test
	void aClientCanUnlinkTheChatAndItBecomesAStrangers() {
		Client client = client("es");
		ChatAccount chat = stranger();
		say(chat, client.getEmail());
		say(chat, this.events.stream(LinkCodeIssued.class).findFirst().orElseThrow().code());

		String asked = say(chat, "/desvincular");
		String done = press(chat, Signal.UNLINK_CONFIRMED);

		assertThat(asked).contains("¿Desvinculo este chat");
		assertThat(done).contains("ya no está vinculado");
		assertThat(this.clients.findLinked(Channel.TELEGRAM, chat.externalUserId())).isEmpty();
		assertThat(say(chat, "Hola")).contains("Soy el asistente");
	}

	private Client client(String language) {
		return this.clients.register("lucia." + UUID.randomUUID() + "@example.test", "Lucía Prieto", null, language);
	}

	private ChatAccount stranger() {
		String id = String.valueOf(900_000_000L + DELIVERIES.incrementAndGet() * 7L + System.nanoTime() % 1000);
		return new ChatAccount(Channel.TELEGRAM, id, id, "Alguien");
	}

	private int codeRows(ChatAccount chat) {
		Integer rows = this.jdbc.queryForObject("SELECT COUNT(*) FROM link_code WHERE external_user_id = ?",
				Integer.class, chat.externalUserId());
		return (rows != null) ? rows : 0;
	}

	private String say(ChatAccount chat, String text) {
		long before = lastOutbox();
		this.engine.handle(Inbound.text(chat, "link-" + UUID.randomUUID(), "es", text));
		return repliesSince(chat, before);
	}

	private String press(ChatAccount chat, String action) {
		long before = lastOutbox();
		this.engine.handle(Inbound.choice(chat, "link-" + UUID.randomUUID(), "es", action));
		return repliesSince(chat, before);
	}

	private long lastOutbox() {
		Long id = this.jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM outbox_message", Long.class);
		return (id != null) ? id : 0;
	}

	private String repliesSince(ChatAccount chat, long after) {
		StringBuilder text = new StringBuilder();
		for (Map<String, Object> row : this.jdbc.queryForList(
				"SELECT payload FROM outbox_message WHERE id > ? AND stream_key = ? ORDER BY id", after,
				ClientDelivery.streamKey(chat.channel(), chat.chatId()))) {
			ClientDelivery delivery = this.json.readValue(String.valueOf(row.get("payload")), ClientDelivery.class);
			text.append(delivery.reply().text().plainText()).append('\n');
		}
		return text.toString();
	}

}
