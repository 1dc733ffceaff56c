package es.kompanion.bot.conversation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import es.kompanion.bot.mail.Mailer;
import es.kompanion.bot.ticket.Actor;
import es.kompanion.bot.ticket.TicketStatus;
import es.kompanion.bot.ticket.TicketSummary;
import es.kompanion.bot.ticket.Tickets;
import es.kompanion.bot.user.Channel;
import es.kompanion.bot.user.ChatAccount;
import es.kompanion.bot.user.Client;
import es.kompanion.bot.user.ClientDetails;
import es.kompanion.bot.user.Clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

/**
 * Writes {@code docs/CONVERSATIONS.md}: one conversation per feature, as the client sees
 * it, taken from the replies the real engine queues for the chat. It runs on a fresh H2
 * database with a fixed clock so the document only changes when the product does; the
 * test fails, after rewriting the file, when the committed one no longer matches.
 */
@SpringBootTest(properties = {
		"spring.datasource.url=jdbc:h2:mem:conversations;MODE=MySQL;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=VALUE",
		"spring.datasource.username=sa", "spring.jpa.database-platform=org.hibernate.dialect.H2Dialect",
		"kompanion.core.outbox.poll-interval=1h" })
class ConversationsDocumentTests {

	private static final Path DOCUMENT = Path.of("..", "docs", "CONVERSATIONS.md");

	private static final Instant START = Instant.parse("2027-01-05T09:30:00Z");

	@Autowired
	private ConversationEngine engine;

	@Autowired
	private Clients clients;

	@Autowired
	private Tickets tickets;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private JsonMapper json;

	@Autowired
	private MovableClock clock;

	@Autowired
	private LastCode codes;

	/** Email is on, as in production; nothing is sent from this test. */
	@MockitoBean
	private Mailer mailer;

	private final StringBuilder document = new StringBuilder();

	private ChatAccount chat = new ChatAccount(Channel.TELEGRAM, "0", "0", null);

	private long seenOutbox;

	private int delivery;

	@Test
	void documentsEveryClientFeatureFromTheRealReplies() throws IOException {
		given(this.mailer.isEnabled()).willReturn(true);
		this.document.append("""
				# Conversations

				What a client sees in the chat, feature by feature. **Generated** by
				`ConversationsDocumentTests` from the replies the real conversation engine queues (bot-core, on
				H2, with the clock fixed at 5 January 2027); do not edit by hand: run the bot-core tests and commit
				the result. Buttons are shown as `[label]`, one line per row of buttons; links as
				[label](url). Telegram shows **bold** as bold.
				""");

		Client ana = this.clients.register(new ClientDetails("ana@perez-asesores.test", "Ana Pérez", "Pérez SL", "es",
				"https://drive.example/ana", "https://app.holded.com/ana"));
		this.chat = new ChatAccount(Channel.TELEGRAM, "5001", "5001", "Ana Pérez");

		section("Someone the firm does not know");
		write("Hola, ¿sois la gestoría?");

		section("Linking the chat with an invitation");
		write("/start " + this.clients.issueInvitation(ana.getId()));

		section("Opening a ticket, step by step");
		press(Signal.NEW_TICKET);
		press(Signal.department(es.kompanion.bot.user.Department.LABOUR));
		write("ayuda");
		write("Quiero dar de alta a una trabajadora nueva el 1 de febrero, media jornada.");
		press(Signal.CHANGE_TEXT);
		write("Quiero dar de alta a una trabajadora nueva el 1 de febrero, a media jornada (20 h).");
		press(Signal.CONFIRM);

		section("A photo and a document with the description, and the offer to add to a recent ticket");
		press(Signal.NEW_TICKET);
		press(Signal.department(es.kompanion.bot.user.Department.LABOUR));
		send(null, new InboundFile("AgACAgQAAxkBAAIBQ2", "photo_812.jpg", "image/jpeg", 184_220));
		send("Adjunto el DNI y el contrato firmado",
				new InboundFile("BQACAgQAAxkBAAIBRA", "contrato.pdf", "application/pdf", 402_118));
		press(Signal.addTo(ticketId(1001)));

		section("Files the firm does not take");
		press(Signal.NEW_TICKET);
		press(Signal.department(es.kompanion.bot.user.Department.ACCOUNTING_TAX));
		send(null, new InboundFile("BQACAgQAAxkBAAIBRB", "facturas.zip.exe", "application/octet-stream", 1_200),
				new InboundFile("BQACAgQAAxkBAAIBRC", "libro-mayor-2026.xlsx", "application/octet-stream", 31_457_280));
		press(Signal.CANCEL);

		section("Free text outside a flow");
		write("Ya tengo el número de la Seguridad Social de la trabajadora: 28/1234567/89");
		press(Signal.addTo(ticketId(1001)));

		section("The team answers and asks for something");
		TicketSummary first = this.tickets.findOwnedByNumber(ana.getId(), 1001).orElseThrow();
		this.tickets.addStaffReply(first.id(), Actor.staff("slack:U0MARTA"),
				"Gracias, Ana. ¿Nos confirmas el horario exacto (mañana o tarde)?", "1736069400.000200");
		this.tickets.changeStatus(first.id(), TicketStatus.PENDING_CLIENT, Actor.staff("slack:U0MARTA"));
		captured();
		press(Signal.replyTo(first.id()));
		write("De mañana, de 9:00 a 13:00.");

		section("My tickets: filters, pages and a ticket's detail");
		later(Duration.ofHours(2));
		press(Signal.MY_TICKETS);
		press(Signal.ticketPage('O', 0));
		press(Signal.ticket(first.id()));

		section("Status by number");
		write("/estado 1001");
		write("/status #999999");

		section("Searching my tickets");
		write("/buscar contrato");
		press(Signal.SEARCH);
		write("seguridad social");

		section("A new ticket in another department");
		later(Duration.ofDays(2));
		press(Signal.NEW_TICKET);
		press(Signal.department(es.kompanion.bot.user.Department.ACCOUNTING_TAX));
		write("¿Qué gastos del coche puedo deducirme como autónoma en el modelo 130?");
		press(Signal.CONFIRM);

		section("Closing a ticket and rating it");
		TicketSummary second = this.tickets.findOwnedByNumber(ana.getId(), 1002).orElseThrow();
		press(Signal.MY_TICKETS);
		press(Signal.ticket(second.id()));
		press(Signal.closeTicket(second.id()));
		press(Signal.rate(second.id(), 5));
		write("Muy claro, gracias.");

		section("Staff close a ticket: the rating comes by itself");
		this.tickets.addStaffReply(first.id(), Actor.staff("slack:U0MARTA"),
				"Alta hecha. Te dejamos el documento en tu carpeta.", "1736242200.000300");
		this.tickets.changeStatus(first.id(), TicketStatus.CLOSED, Actor.staff("slack:U0MARTA"));
		captured();
		press(Signal.rate(first.id(), 4));
		press(Signal.SKIP);

		section("Writing on a recently closed ticket reopens it");
		press(Signal.replyTo(first.id()));
		write("Perdona, ¿me reenviáis el documento del alta?");
		this.tickets.addStaffReply(first.id(), Actor.staff("slack:U0MARTA"),
				"Claro, ya lo tienes otra vez en tu carpeta.", "1736242800.000400");
		this.tickets.changeStatus(first.id(), TicketStatus.CLOSED, Actor.staff("slack:U0MARTA"));
		captured();

		section("Writing on a ticket closed long ago starts a follow-up");
		later(Duration.ofDays(10));
		press(Signal.replyTo(first.id()));
		write("La trabajadora pasa a jornada completa en marzo.");
		press(Signal.MY_TICKETS);
		press(Signal.ticket(ticketId(1003)));

		section("Resources, FAQ, fiscal calendar and help, at any step");
		press(Signal.RESOURCES);
		press(Signal.FAQ);
		press(Signal.faqDepartment(es.kompanion.bot.user.Department.LABOUR));
		press(Signal.NEW_TICKET);
		press(Signal.CALENDAR);
		write("/ayuda");
		press(Signal.CANCEL);

		section("Changing language");
		press(Signal.language("en"));
		press(Signal.MY_TICKETS);
		press(Signal.language("es"));

		section("A dialog left half-way for more than a day");
		press(Signal.NEW_TICKET);
		later(Duration.ofDays(2));
		write("Hola de nuevo");

		section("Linking with a code sent by email, and unlinking");
		Client bea = this.clients.register(
				new ClientDetails("bea@talleres-ruiz.test", "Beatriz Ruiz", "Talleres Ruiz SL", "es", null, null));
		this.chat = new ChatAccount(Channel.TELEGRAM, "5002", "5002", "Bea");
		write("Hola, soy clienta vuestra");
		write("bea@talleres-ruiz.test");
		write("000000".equals(this.codes.get()) ? "000001" : "000000", "<a wrong code>");
		write(this.codes.get(), "<the 6-digit code from the email>");
		write("/desvincular");
		press(Signal.UNLINK_CONFIRMED);
		write("/start " + "caducado-o-ya-usado");
		write("/start " + this.clients.issueInvitation(bea.getId()));

		String generated = this.document.toString();
		String committed = Files.exists(DOCUMENT) ? Files.readString(DOCUMENT, StandardCharsets.UTF_8) : "";
		if (!generated.equals(committed)) {
			Files.createDirectories(DOCUMENT.getParent());
			Files.writeString(DOCUMENT, generated, StandardCharsets.UTF_8);
		}
		assertThat(generated).contains("✅ Consulta **#1001** creada", "reabierto", "**#1003**", "I will speak English");
		assertThat(committed).as("docs/CONVERSATIONS.md was out of date and has been rewritten: commit it")
			.isEqualTo(generated);
	}

	private Long ticketId(long number) {
		return this.jdbc.queryForObject("SELECT id FROM ticket WHERE number = ?", Long.class, number);
	}

	private void section(String title) {
		captured();
		this.document.append("\n## ").append(title).append("\n\n");
	}

	private void write(String text) {
		write(text, text.replaceAll("/start \\S+", "/start <invitation token>"));
	}

	private void write(String text, String shown) {
		this.document.append("🧑 ").append(shown).append("\n\n");
		this.engine.handle(Inbound.text(this.chat, next(), "es", text));
		captured();
	}

	private void press(String action) {
		String label = labelOf(action);
		this.document.append("🧑 taps `[").append(label).append("]`\n\n");
		this.engine.handle(Inbound.choice(this.chat, next(), "es", action));
		captured();
	}

	private void send(@org.jspecify.annotations.Nullable String caption, InboundFile... files) {
		StringBuilder line = new StringBuilder("🧑 sends");
		for (InboundFile file : files) {
			line.append(" 📎 ").append(file.name()).append(" (").append(file.size() / 1024).append(" KB)");
		}
		if (caption != null) {
			line.append(" with the caption “").append(caption).append("”");
		}
		this.document.append(line).append("\n\n");
		this.engine.handle(new Inbound(this.chat, next(), "es", caption, null, List.of(files)));
		captured();
	}

	private void later(Duration duration) {
		this.clock.move(duration);
		this.document.append("*(").append(describe(duration)).append(" later)*\n\n");
	}

	private static String describe(Duration duration) {
		return (duration.toDays() > 0) ? duration.toDays() + " days" : duration.toHours() + " hours";
	}

	/**
	 * The label of the button with this action in the last reply that had it.
	 */
	private String labelOf(String action) {
		List<Map<String, Object>> rows = this.jdbc.queryForList(
				"SELECT payload FROM outbox_message WHERE topic = 'TELEGRAM' AND stream_key = ? ORDER BY id DESC",
				ClientDelivery.streamKey(Channel.TELEGRAM, this.chat.chatId()));
		for (Map<String, Object> row : rows) {
			ClientDelivery delivery = this.json.readValue(String.valueOf(row.get("payload")), ClientDelivery.class);
			for (List<Choice> line : delivery.reply().choices()) {
				for (Choice choice : line) {
					if (action.equals(choice.action())) {
						return choice.label();
					}
				}
			}
		}
		return action;
	}

	/**
	 * Appends the replies queued since the last call, as the client reads them.
	 */
	private void captured() {
		List<Map<String, Object>> rows = this.jdbc.queryForList(
				"SELECT id, payload FROM outbox_message WHERE topic = 'TELEGRAM' AND id > ? ORDER BY id",
				this.seenOutbox);
		for (Map<String, Object> row : rows) {
			this.seenOutbox = ((Number) row.get("id")).longValue();
			ClientDelivery delivery = this.json.readValue(String.valueOf(row.get("payload")), ClientDelivery.class);
			render(delivery.reply());
		}
	}

	private void render(Reply reply) {
		StringBuilder text = new StringBuilder();
		for (RichText.Part part : reply.text().parts()) {
			text.append(part.strong() ? "**" + part.text().strip() + "**" : part.text());
		}
		StringBuilder block = new StringBuilder();
		for (String line : text.toString().strip().split("\n", -1)) {
			block.append("> ").append(line.isBlank() ? "" : "🤖 ".substring(0, 0) + line).append("\n");
		}
		for (OutboundFile file : reply.files()) {
			block.append(">\n> 📎 ").append(file.fileName()).append("\n");
		}
		for (List<Choice> row : reply.choices()) {
			StringBuilder buttons = new StringBuilder();
			for (Choice choice : row) {
				buttons.append(buttons.isEmpty() ? "" : " ");
				buttons.append((choice.url() != null) ? "[" + choice.label() + "](" + choice.url() + ")"
						: "`[" + choice.label() + "]`");
			}
			block.append(">\n> ").append(buttons).append("\n");
		}
		this.document.append("> 🤖\n").append(block).append("\n");
	}

	private String next() {
		return "doc-" + (++this.delivery);
	}

	/**
	 * A clock that stands still until the test moves it.
	 */
	static final class MovableClock extends Clock {

		private Instant now = START;

		void move(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return Clock.fixed(this.now, zone);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

	/**
	 * The last code the engine asked to mail, which the client would read in their email.
	 */
	static final class LastCode {

		private String code = "";

		@org.springframework.context.event.EventListener
		void on(LinkCodeIssued issued) {
			this.code = issued.code();
		}

		String get() {
			return this.code;
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class FixedTime {

		@Bean
		LastCode lastCode() {
			return new LastCode();
		}

		@Bean
		@Primary
		MovableClock movableClock() {
			return new MovableClock();
		}

	}

}
