package es.kompanion.bot;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.JdbcTemplate;

import es.kompanion.bot.mail.ClientInvitations;
import es.kompanion.bot.ticket.Actor;
import es.kompanion.bot.ticket.TicketStatus;
import es.kompanion.bot.ticket.Tickets;
import es.kompanion.bot.user.Channel;
import es.kompanion.bot.user.Client;
import es.kompanion.bot.user.Clients;

import static es.kompanion.bot.BotHarness.callbackUpdate;
import static es.kompanion.bot.BotHarness.textUpdate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Linking and email end to end: the whole application on MariaDB, WireMock as the
 * Telegram and Slack APIs and GreenMail as a real SMTP server. An invitation email's deep
 * link links the chat, a code mailed to the client links it too, nobody learns whether an
 * email is a client's, and the ticket emails reach the client in their language.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmailIntegrationTests {

	private static final Pattern DEEP_LINK = Pattern.compile("https://t\\.me/kompanion_bot\\?start=([A-Za-z0-9_-]+)");

	private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

	private final AtomicLong updates = new AtomicLong(50_000);

	private final AtomicLong users = new AtomicLong(8_800);

	private GreenMail smtp;

	private BotHarness bot;

	private JdbcTemplate jdbc;

	@BeforeAll
	void boot() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		this.smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		this.smtp.start();
		BotHarness.wipeDatabase();
		this.bot = new BotHarness()
			.boot(Map.of("spring.mail.host", "127.0.0.1", "spring.mail.port", String.valueOf(port),
					"spring.mail.properties.mail.smtp.starttls.enable", "false", "kompanion.mail.telegram-bot-username",
					"kompanion_bot", "kompanion.mail.public-url", "https://soporte.kompanion.test"));
		this.jdbc = this.bot.bean(JdbcTemplate.class);
	}

	@AfterAll
	void shutDown() {
		this.bot.close();
		this.smtp.stop();
	}

	@Test
	void theInvitationEmailsDeepLinkLinksTheChatOnce() {
		Client client = register("Marina Soler", "es");
		long user = this.users.incrementAndGet();

		this.bot.bean(ClientInvitations.class).send(client.getId());
		MimeMessage mail = awaitMail(client.getEmail()).get(0);
		Matcher link = DEEP_LINK.matcher(text(mail));
		assertThat(link.find()).as("deep link in the invitation email").isTrue();
		write(user, "/start " + link.group(1));

		assertThat(awaitMessageTo(user, "¡Hola, Marina!")).isNotEmpty();
		assertThat(this.bot.bean(Clients.class).findLinked(Channel.TELEGRAM, String.valueOf(user))).isPresent();

		long other = this.users.incrementAndGet();
		write(other, "/start " + link.group(1));
		assertThat(awaitMessageTo(other, "ya no sirve")).contains("escribe aquí tu email");
	}

	@Test
	void aCodeMailedToTheClientLinksTheChatAndAnUnknownEmailGetsTheSameAnswer() {
		Client client = register("Hugo Marín", "en");
		long user = this.users.incrementAndGet();
		long stranger = this.users.incrementAndGet();

		write(user, client.getEmail());
		write(stranger, "hugo.marin@nadie.test");
		String toClient = awaitMessageTo(user, "código de 6 cifras");
		String toStranger = awaitMessageTo(stranger, "código de 6 cifras");
		MimeMessage mail = awaitMail(client.getEmail()).get(0);
		Matcher code = CODE.matcher(text(mail));
		assertThat(code.find()).as("code in the email").isTrue();
		write(user, code.group(1));

		assertThat(toStranger.replace("hugo.marin@nadie.test", client.getEmail())).isEqualTo(toClient);
		assertThat(awaitMessageTo(user, "Hi Hugo!")).isNotEmpty();
		assertThat(this.bot.bean(Clients.class).findLinked(Channel.TELEGRAM, String.valueOf(user))).isPresent();
		assertThat(this.smtp.getReceivedMessagesForDomain("nadie.test")).isEmpty();
	}

	@Test
	void ticketEmailsReachTheClientInTheirLanguage() throws Exception {
		Client client = register("Clara Núñez", "es");
		long user = this.users.incrementAndGet();
		linkWithCode(client, user);

		tap(user, "n");
		tap(user, "d:1");
		write(user, "Necesito el certificado de empresa de una trabajadora que se va");
		awaitMessageTo(user, "Revisa tu consulta");
		tap(user, "ok");
		awaitMessageTo(user, "creada");
		Long ticketId = this.jdbc.queryForObject(
				"SELECT t.id FROM ticket t JOIN chat_identity i "
						+ "ON i.client_id = t.client_id WHERE i.external_user_id = ?",
				Long.class, String.valueOf(user));
		this.bot.bean(Tickets.class).changeStatus(ticketId, TicketStatus.CLOSED, Actor.staff("slack:U0MARTA"));

		List<MimeMessage> mails = await().atMost(Duration.ofSeconds(20))
			.until(() -> mailsTo(client.getEmail()), (found) -> found.size() >= 3);
		assertThat(mails.get(1).getSubject()).startsWith("Hemos recibido tu consulta #");
		assertThat(text(mails.get(1))).contains("certificado de empresa");
		assertThat(mails.get(2).getSubject()).endsWith("está cerrada");
		assertThat(text(mails.get(2))).contains("https://soporte.kompanion.test/survey/");
	}

	private void linkWithCode(Client client, long user) {
		write(user, client.getEmail());
		MimeMessage mail = awaitMail(client.getEmail()).get(0);
		Matcher code = CODE.matcher(text(mail));
		assertThat(code.find()).isTrue();
		write(user, code.group(1));
		awaitMessageTo(user, "vinculado");
	}

	private Client register(String name, String language) {
		return this.bot.bean(Clients.class)
			.register(name.split(" ")[0].toLowerCase(java.util.Locale.ROOT) + this.users.incrementAndGet()
					+ "@clientes.test", name, null, language);
	}

	private List<MimeMessage> awaitMail(String address) {
		return await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(address), (found) -> !found.isEmpty());
	}

	private List<MimeMessage> mailsTo(String address) {
		return List.of(this.smtp.getReceivedMessages())
			.stream()
			.filter((message) -> GreenMailUtil.getAddressList(recipients(message)).contains(address))
			.toList();
	}

	/**
	 * The plain text part of an email, decoded.
	 */
	private static String text(jakarta.mail.Part part) {
		try {
			if (part.isMimeType("text/plain")) {
				return (String) part.getContent();
			}
			if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
				StringBuilder text = new StringBuilder();
				for (int i = 0; i < multipart.getCount(); i++) {
					text.append(text(multipart.getBodyPart(i)));
				}
				return text.toString();
			}
			return "";
		}
		catch (jakarta.mail.MessagingException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static jakarta.mail.Address[] recipients(MimeMessage message) {
		try {
			return message.getAllRecipients();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void write(long user, String text) {
		assertThat(this.bot.telegram(textUpdate(this.updates.incrementAndGet(), user, text))).isEqualTo(200);
	}

	private void tap(long user, String data) {
		assertThat(this.bot.telegram(callbackUpdate(this.updates.incrementAndGet(), user, data))).isEqualTo(200);
	}

	private String awaitMessageTo(long chatId, String fragment) {
		return await().atMost(Duration.ofSeconds(15))
			.until(() -> this.bot.sentMessages()
				.stream()
				.filter((m) -> m.get("chat_id").asString().equals(String.valueOf(chatId)))
				.map((JsonNode m) -> m.get("text").asString())
				.filter((t) -> t.contains(fragment))
				.reduce((first, second) -> second)
				.orElse(null), (t) -> t != null);
	}

}
