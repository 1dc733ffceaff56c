package es.kompanion.bot;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.JdbcTemplate;

import es.kompanion.bot.user.Client;
import es.kompanion.bot.user.Department;
import es.kompanion.bot.user.Staff;
import es.kompanion.bot.user.StaffRepository;
import es.kompanion.bot.user.StaffRole;
import es.kompanion.bot.user.Clients;

import static es.kompanion.bot.BotHarness.callbackUpdate;
import static es.kompanion.bot.BotHarness.textUpdate;
import static es.kompanion.bot.BotHarness.threadReply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The main job end to end, as real payloads: a Telegram client links with an invitation,
 * opens a ticket with buttons and text, staff see it in the Slack channel and answer in
 * its thread, close it with a button, and the client rates it in the chat. Runs the whole
 * application on MariaDB with WireMock as both platforms.
 */
class TicketLifecycleIntegrationTests {

	private static final long ANA = 4242L;

	private static final String DESCRIPTION = "Necesito presentar el modelo 303 del 3T y me faltan dos facturas 🧾";

	private BotHarness bot;

	private JdbcTemplate jdbc;

	private long updateId = 1000;

	@BeforeEach
	void bootOnCleanDatabase() {
		BotHarness.wipeDatabase();
		this.bot = new BotHarness().boot();
		this.jdbc = this.bot.bean(JdbcTemplate.class);
		registerStaff("Marta Gil", "marta@kompanion.test", "U0MARTA");
	}

	@AfterEach
	void shutDown() {
		this.bot.close();
	}

	@Test
	void clientOpensTicketStaffAnswersClosesAndClientRatesOnce() {
		linkAna();

		// The client opens a ticket with the buttons and a description.
		tap("n");
		JsonNode picker = awaitMessageTo(ANA, "¿De qué departamento es?");
		assertThat(callbackData(picker)).contains("d:0", "d:1", "d:2", "d:3", "x");
		tap("d:1");
		write(DESCRIPTION);
		JsonNode summary = awaitMessageTo(ANA, "Revisa tu consulta");
		assertThat(summary.get("text").asString()).contains("Laboral", DESCRIPTION);
		tap("ok");

		Map<String, Object> ticket = awaitOneTicket();
		long number = ((Number) ticket.get("number")).longValue();
		long ticketId = ((Number) ticket.get("id")).longValue();
		assertThat(ticket).containsEntry("department", "LABOUR")
			.containsEntry("status", "OPEN")
			.containsEntry("description", DESCRIPTION);
		JsonNode created = awaitMessageTo(ANA, "#" + number);
		assertThat(created.get("parse_mode").asString()).isEqualToIgnoringCase("HTML");
		assertThat(created.get("reply_markup").get("inline_keyboard").isArray()).isTrue();
		await().atMost(Duration.ofSeconds(10)).until(() -> this.bot.answeredCallbacks() == 3);

		// Staff see it in the channel, as one Block Kit message with the buttons.
		LoggedRequest root = awaitSlack("chat.postMessage", 1).get(0);
		Map<String, String> rootParams = this.bot.slackParams(root);
		assertThat(rootParams).containsEntry("channel", BotHarness.STAFF_CHANNEL);
		assertThat(rootParams.get("blocks")).contains("#" + number, "Ana Pérez", "Pérez Asesores SL", "ticket_pending",
				"ticket_close");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> BotHarness.ROOT_TS.equals(this.jdbc
				.queryForObject("SELECT staff_thread_ref FROM ticket WHERE id = ?", String.class, ticketId)));

		// A staff reply in the thread reaches the client on Telegram.
		int status = this.bot.slackEvent(threadReply("Ev0001", BotHarness.ROOT_TS, "1733300100.000200", "U0MARTA",
				"Hola Ana, envíanos las facturas &lt;por aquí&gt; &amp; lo revisamos"));
		assertThat(status).isEqualTo(200);
		JsonNode answer = awaitMessageTo(ANA, "envíanos las facturas");
		assertThat(answer.get("text").asString()).contains("&lt;por aquí&gt; &amp; lo revisamos");
		assertThat(callbackData(answer)).contains("r:" + ticketId);

		// The client's follow-up lands in the thread.
		tap("r:" + ticketId);
		write("Ya las he subido a la carpeta compartida");
		LoggedRequest followUp = awaitSlack("chat.postMessage", 2).get(1);
		assertThat(this.bot.slackParams(followUp)).containsEntry("thread_ts", BotHarness.ROOT_TS);
		assertThat(this.bot.slackParams(followUp).get("text")).contains("Ya las he subido a la carpeta compartida");

		// Staff close it with the button: status stored, root message updated, survey
		// sent.
		int closed = this.bot
			.slackAction(this.bot.buttonPress("ticket_close", ticketId, "1733300200.000300", "U0MARTA"));
		assertThat(closed).isEqualTo(200);
		await().atMost(Duration.ofSeconds(10)).until(() -> "CLOSED".equals(ticketStatus(ticketId)));
		LoggedRequest update = awaitSlack("chat.update", 1).get(0);
		assertThat(this.bot.slackParams(update)).containsEntry("ts", BotHarness.ROOT_TS);
		assertThat(this.bot.slackParams(update).get("blocks")).contains("ticket_reopen").doesNotContain("ticket_close");
		JsonNode survey = awaitMessageTo(ANA, "está cerrada");
		assertThat(survey.get("text").asString()).contains("#" + number);
		assertThat(callbackData(survey)).containsExactly("s:" + ticketId + ":1", "s:" + ticketId + ":2",
				"s:" + ticketId + ":3", "s:" + ticketId + ":4", "s:" + ticketId + ":5");

		// The client rates 5; the same button again, and a replay of the same update,
		// store nothing new.
		String rateFive = callbackUpdate(++this.updateId, ANA, "s:" + ticketId + ":5");
		assertThat(this.bot.telegram(rateFive)).isEqualTo(200);
		awaitMessageTo(ANA, "comentario");
		assertThat(this.bot.telegram(rateFive)).isEqualTo(200);
		tap("s:" + ticketId + ":1");
		awaitMessageTo(ANA, "Ya habías valorado");
		assertThat(this.jdbc.queryForList("SELECT rating FROM survey WHERE ticket_id = ?", Integer.class, ticketId))
			.containsExactly(5);
	}

	@Test
	void theSameUpdateDeliveredTwiceMakesOneTicket() {
		linkAna();
		tap("n");
		tap("d:0");
		write(DESCRIPTION);
		String confirm = callbackUpdate(++this.updateId, ANA, "ok");

		assertThat(this.bot.telegram(confirm)).isEqualTo(200);
		assertThat(this.bot.telegram(confirm)).isEqualTo(200);

		awaitOneTicket();
		awaitMessageTo(ANA, "creada");
		await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> true);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM ticket", Integer.class)).isEqualTo(1);
		assertThat(messagesTo(ANA).stream().filter((m) -> m.get("text").asString().contains("creada"))).hasSize(1);
		assertThat(awaitSlack("chat.postMessage", 1)).hasSize(1);
	}

	@Test
	void aRestartInTheMiddleOfADialogContinuesWhereTheClientWas() {
		linkAna();
		tap("n");
		tap("d:2");
		awaitMessageTo(ANA, "Integraciones");

		this.bot.shutdown();
		this.bot.boot();
		this.jdbc = this.bot.bean(JdbcTemplate.class);
		write(DESCRIPTION);

		JsonNode summary = awaitMessageTo(ANA, DESCRIPTION);
		assertThat(summary.get("text").asString()).contains("Integraciones");
		tap("ok");
		assertThat(awaitOneTicket()).containsEntry("department", "INTEGRATIONS");
	}

	@Test
	void strangersGetAPoliteExplanationAndBadTokensAreRefused() {
		long stranger = 777L;

		assertThat(this.bot.telegram(textUpdate(++this.updateId, stranger, "Hola, quiero abrir una consulta")))
			.isEqualTo(200);
		awaitMessageTo(stranger, "enlace de invitación");
		this.bot.telegram(textUpdate(++this.updateId, stranger, "/start not-a-valid-token"));
		awaitMessageTo(stranger, "ya no sirve");
		assertThat(this.bot.telegramWithSecret(textUpdate(++this.updateId, stranger, "/start x"), "wrong"))
			.isEqualTo(401);

		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM chat_identity", Integer.class)).isZero();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM ticket", Integer.class)).isZero();
	}

	@Test
	void unsignedSlackRequestsAreRejected() {
		linkAna();

		int status = this.bot
			.unsignedSlack(threadReply("Ev0099", BotHarness.ROOT_TS, "1733300100.000900", "U0EVE", "Mensaje falso"));

		assertThat(status).isEqualTo(401);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM ticket_message", Integer.class)).isZero();
	}

	private void registerStaff(String name, String email, String slackUserId) {
		Staff marta = new Staff(name, email, StaffRole.STAFF, EnumSet.of(Department.LABOUR));
		marta.describe(name, email, slackUserId, StaffRole.STAFF, EnumSet.of(Department.LABOUR));
		this.bot.bean(StaffRepository.class).save(marta);
	}

	private void linkAna() {
		Clients clients = this.bot.bean(Clients.class);
		Client ana = clients.register("ana@perez-asesores.es", "Ana Pérez", "Pérez Asesores SL", "es");
		String token = clients.issueInvitation(ana.getId());
		assertThat(this.bot.telegram(textUpdate(++this.updateId, ANA, "/start " + token))).isEqualTo(200);
		awaitMessageTo(ANA, "¡Hola, Ana!");
	}

	private void tap(String data) {
		assertThat(this.bot.telegram(callbackUpdate(++this.updateId, ANA, data))).isEqualTo(200);
	}

	private void write(String text) {
		assertThat(this.bot.telegram(textUpdate(++this.updateId, ANA, text))).isEqualTo(200);
	}

	private Map<String, Object> awaitOneTicket() {
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.queryForObject("SELECT COUNT(*) FROM ticket", Integer.class) == 1);
		return this.jdbc.queryForMap("SELECT * FROM ticket");
	}

	private String ticketStatus(long ticketId) {
		return this.jdbc.queryForObject("SELECT status FROM ticket WHERE id = ?", String.class, ticketId);
	}

	private List<JsonNode> messagesTo(long chatId) {
		return this.bot.sentMessages()
			.stream()
			.filter((m) -> m.get("chat_id").asString().equals(String.valueOf(chatId)))
			.toList();
	}

	private JsonNode awaitMessageTo(long chatId, String fragment) {
		return await().atMost(Duration.ofSeconds(10))
			.until(() -> messagesTo(chatId).stream()
				.filter((m) -> m.get("text").asString().contains(fragment))
				.reduce((first, second) -> second)
				.orElse(null), (m) -> m != null);
	}

	private List<LoggedRequest> awaitSlack(String method, int count) {
		return await().atMost(Duration.ofSeconds(10))
			.until(() -> this.bot.slackCalls(method), (calls) -> calls.size() >= count);
	}

	private static List<String> callbackData(JsonNode message) {
		JsonNode keyboard = message.get("reply_markup").get("inline_keyboard");
		return StreamSupport.stream(keyboard.spliterator(), false)
			.flatMap((row) -> StreamSupport.stream(row.spliterator(), false))
			.filter((button) -> button.has("callback_data"))
			.map((button) -> button.get("callback_data").asString())
			.toList();
	}

}
