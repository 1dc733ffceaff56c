package es.kompanion.bot;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.StreamSupport;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.JdbcTemplate;

import es.kompanion.bot.file.FileStore;
import es.kompanion.bot.ticket.Actor;
import es.kompanion.bot.ticket.TicketStatus;
import es.kompanion.bot.ticket.TicketSummary;
import es.kompanion.bot.ticket.Tickets;
import es.kompanion.bot.user.Channel;
import es.kompanion.bot.user.Client;
import es.kompanion.bot.user.Clients;
import es.kompanion.bot.user.Department;
import es.kompanion.bot.user.Staff;
import es.kompanion.bot.user.StaffRepository;
import es.kompanion.bot.user.StaffRole;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static es.kompanion.bot.BotHarness.callbackUpdate;
import static es.kompanion.bot.BotHarness.textUpdate;
import static es.kompanion.bot.BotHarness.threadReply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Everything a client does in the Telegram chat beyond opening a ticket, with the whole
 * application on MariaDB and WireMock as both the Telegram Bot API and the Slack Web API:
 * files both ways (a photo, an album, a file too large, a staff document), replies to bot
 * messages, reopening and follow-ups, the offer to add to a recent ticket, search,
 * language, edits, groups, the command menu, long staff replies and hostile text. Each
 * test uses a client of its own on one running application.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientChatIntegrationTests {

	private static final byte[] PHOTO = "\u00ff\u00d8\u00ff\u00e0 JFIF factura-marzo 🧾"
		.getBytes(StandardCharsets.UTF_8);

	private static final byte[] ALBUM_SECOND = "\u00ff\u00d8 segunda hoja".getBytes(StandardCharsets.UTF_8);

	private static final byte[] STAFF_PDF = "%PDF-1.7 modelo 303 presentado".getBytes(StandardCharsets.UTF_8);

	private final AtomicLong updates = new AtomicLong(20_000);

	private final AtomicLong users = new AtomicLong(7_100);

	private BotHarness bot;

	private JdbcTemplate jdbc;

	@BeforeAll
	void boot() {
		BotHarness.wipeDatabase();
		this.bot = new BotHarness();
		stubFilesAndUniqueIds();
		this.bot.boot();
		this.jdbc = this.bot.bean(JdbcTemplate.class);
		Staff marta = new Staff("Marta Gil", "marta@kompanion.test", StaffRole.STAFF, EnumSet.of(Department.LABOUR));
		marta.describe("Marta Gil", "marta@kompanion.test", "U0MARTA", StaffRole.STAFF, EnumSet.of(Department.LABOUR));
		this.bot.bean(StaffRepository.class).save(marta);
	}

	@AfterAll
	void shutDown() {
		this.bot.close();
	}

	@Test
	void registersTheCommandMenuInBothLanguagesAtStartUp() {
		List<JsonNode> calls = await().atMost(Duration.ofSeconds(10))
			.until(() -> this.bot.api()
				.findAll(postRequestedFor(urlPathMatching("(?i)/bot[^/]+/setmycommands")))
				.stream()
				.map(this.bot::body)
				.toList(), (found) -> found.size() >= 3);

		JsonNode spanish = calls.stream()
			.filter((c) -> "es".equals(text(c, "language_code")))
			.findFirst()
			.orElseThrow();
		JsonNode english = calls.stream()
			.filter((c) -> "en".equals(text(c, "language_code")))
			.findFirst()
			.orElseThrow();
		assertThat(commands(spanish)).startsWith("start", "nueva", "consultas", "buscar", "estado");
		assertThat(commands(english)).startsWith("start", "new", "tickets", "search", "status");
		assertThat(calls).anyMatch((c) -> !c.has("language_code") && commands(c).contains("nueva"));
	}

	@Test
	void theMenuCarriesQuickAccessAndResourcesAnswerAtAnyStep() {
		long user = this.users.incrementAndGet();
		Clients clients = this.bot.bean(Clients.class);
		Client client = clients.register(new es.kompanion.bot.user.ClientDetails(user + "@clientes.test", "Rosa Vera",
				"Vera SL", "es", "https://drive.google.com/drive/folders/rosa", "https://app.holded.com/rosa"));
		telegram(textUpdate(this.updates.incrementAndGet(), user, "/start " + clients.issueInvitation(client.getId())));
		awaitMessageTo(user, "¿En qué te ayudamos?");

		JsonNode menu = lastJsonTo(user);
		assertThat(urls(menu)).containsExactly("https://drive.google.com/drive/folders/rosa",
				"https://app.holded.com/rosa");
		tap(user, "n");
		awaitMessageTo(user, "¿De qué departamento es?");
		tap(user, "rs");
		awaitMessageTo(user, "Recursos");
		tap(user, "fq");
		awaitMessageTo(user, "¿Sobre qué tema?");
		tap(user, "fd:1");
		String questions = awaitMessageTo(user, "Elige una pregunta");
		write(user, "/calendario");
		write(user, "/ayuda");

		assertThat(questions).contains("Laboral");
		assertThat(awaitMessageTo(user, "próximos 30 días")).isNotEmpty();
		assertThat(awaitMessageTo(user, "Cómo sacarle partido")).contains("/buscar");
		assertThat(lastMessageTo(user)).contains("¿De qué departamento es?");
	}

	private static List<String> urls(JsonNode message) {
		JsonNode keyboard = message.get("reply_markup").get("inline_keyboard");
		return StreamSupport.stream(keyboard.spliterator(), false)
			.flatMap((row) -> StreamSupport.stream(row.spliterator(), false))
			.filter((button) -> button.has("url"))
			.map((button) -> button.get("url").asString())
			.toList();
	}

	@Test
	void aPhotoWithTheDescriptionReachesTheStaffThreadAsTheSameBytes() {
		long user = linkClient("Irene Sanz");
		tap(user, "n");
		tap(user, "d:0");
		telegram(photoUpdate(user, "Factura de marzo sin IVA desglosado, ¿la podéis revisar?", null));
		awaitMessageTo(user, "Revisa tu consulta");
		assertThat(lastMessageTo(user)).contains("1 archivo");
		tap(user, "ok");

		Map<String, Object> attachment = await().atMost(Duration.ofSeconds(15))
			.until(() -> attachmentsOf(user), (rows) -> rows.size() == 1 && "STORED".equals(rows.get(0).get("status")))
			.get(0);
		assertThat(readStored(String.valueOf(attachment.get("storage_key")))).isEqualTo(PHOTO);
		List<String> asked = this.bot.api()
			.findAll(postRequestedFor(urlPathMatching("(?i)/bot[^/]+/getfile")))
			.stream()
			.map(LoggedRequest::getBodyAsString)
			.toList();
		assertThat(asked).anyMatch((body) -> body.contains("photo-big-"))
			.noneMatch((body) -> body.contains("photo-small-") || body.contains("photo-mid-"));

		String thread = threadOf(user);
		LoggedRequest shared = awaitSlackCall("files.completeUploadExternal",
				(params) -> thread.equals(params.get("thread_ts")));
		Map<String, String> params = this.bot.slackParams(shared);
		assertThat(params).containsEntry("channel_id", BotHarness.STAFF_CHANNEL);
		assertThat(params.get("files")).contains("F0UPLOAD");
		assertThat(this.bot.api().findAll(postRequestedFor(urlPathEqualTo("/upload/F0UPLOAD"))))
			.anyMatch((upload) -> java.util.Arrays.equals(upload.getBody(), PHOTO));
	}

	@Test
	void anAlbumBecomesOneMessageWithAllItsFiles() {
		long user = linkClient("Pablo Ortiz");
		TicketSummary ticket = openTicket(user, Department.ACCOUNTING_TAX, "Facturas del primer trimestre");
		tap(user, "r:" + ticket.id());
		awaitMessageTo(user, "Escribe tu mensaje");

		telegram(photoUpdate(user, "Las dos hojas del libro de gastos", "album-" + user));
		telegram(photoUpdate(user, null, "album-" + user));

		await().atMost(Duration.ofSeconds(15))
			.until(() -> this.jdbc.queryForObject(
					"SELECT COUNT(*) FROM ticket_attachment WHERE ticket_id = ? " + "AND status = 'STORED'",
					Integer.class, ticket.id()) == 2);
		assertThat(this.jdbc.queryForList("SELECT DISTINCT message_id FROM ticket_attachment WHERE ticket_id = ?",
				Long.class, ticket.id()))
			.hasSize(1);
		assertThat(this.jdbc.queryForList("SELECT body FROM ticket_message WHERE ticket_id = ? ORDER BY id",
				String.class, ticket.id()))
			.containsExactly("Facturas del primer trimestre", "Las dos hojas del libro de gastos");
		assertThat(messagesTo(user)).filteredOn((m) -> text(m, "text").contains("Mensaje añadido")).hasSize(1);
	}

	@Test
	void aFileOverTwentyMegabytesIsExplainedAndNeverFetched() {
		long user = linkClient("Nuria Vidal");
		telegram(documentUpdate(user, "libro-mayor-2026.xlsx", 25L * 1024 * 1024));

		String answer = awaitMessageTo(user, "20 MB");
		assertThat(answer).contains("libro-mayor-2026.xlsx", "enlace");
		assertThat(this.bot.api().findAll(postRequestedFor(urlPathMatching("(?i)/bot[^/]+/getfile"))))
			.noneMatch((call) -> call.getBodyAsString().contains("doc-" + user));
		assertThat(attachmentsOf(user)).isEmpty();
	}

	@Test
	void aDocumentStaffPutInTheThreadReachesTheClient() {
		long user = linkClient("Óscar Ruiz");
		TicketSummary ticket = openTicket(user, Department.LABOUR, "¿Me mandáis el modelo 303 presentado?");
		String thread = awaitThread(ticket.id());

		this.bot.slackEvent(fileShare("EvFILE" + user, thread, "1733301000.00" + user, "Aquí lo tienes"));

		LoggedRequest sent = await().atMost(Duration.ofSeconds(15))
			.until(() -> this.bot.api()
				.findAll(postRequestedFor(urlPathMatching("(?i)/bot[^/]+/senddocument")))
				.stream()
				.filter((r) -> r.getBodyAsString().contains(String.valueOf(user)))
				.toList(), (found) -> !found.isEmpty())
			.get(0);
		assertThat(new String(sent.getBody(), StandardCharsets.ISO_8859_1)).contains("modelo-303.pdf");
		assertThat(containsBytes(sent.getBody(), STAFF_PDF)).isTrue();
		assertThat(awaitMessageTo(user, "Aquí lo tienes")).contains(ticket.label());
	}

	@Test
	void answeringABotMessageWithTelegramsReplyGoesToItsTicket() {
		long user = linkClient("Sara Molina");
		TicketSummary ticket = openTicket(user, Department.LABOUR, "Duda sobre el finiquito de un trabajador");
		String thread = awaitThread(ticket.id());
		this.bot.slackEvent(threadReply("EvREPLY" + user, thread, "1733301100.00" + user, "U0MARTA",
				"¿Cuál fue su último día de trabajo?"));
		awaitMessageTo(user, "último día");
		long staffMessage = messageIdOfLastSendTo(user);

		telegram(replyUpdate(user, "El 31 de enero", staffMessage));

		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.queryForList("SELECT body FROM ticket_message WHERE ticket_id = ?", String.class,
					ticket.id()), (bodies) -> bodies.contains("El 31 de enero"));
		assertThat(awaitMessageTo(user, "Mensaje añadido")).contains(ticket.label());
		awaitSlackCall("chat.postMessage",
				(params) -> thread.equals(params.get("thread_ts"))
						&& params.getOrDefault("text", "").contains("El 31 de enero")
						|| params.getOrDefault("blocks", "").contains("El 31 de enero"));
	}

	@Test
	void aTicketClosedRecentlyReopensAndOneClosedLongAgoGetsAFollowUp() {
		long user = linkClient("Marcos León");
		Tickets tickets = this.bot.bean(Tickets.class);
		TicketSummary ticket = openTicket(user, Department.LABOUR, "Alta de una trabajadora en prácticas");
		tickets.changeStatus(ticket.id(), TicketStatus.CLOSED, Actor.staff("slack:U0MARTA"));
		tap(user, "r:" + ticket.id());
		awaitMessageTo(user, "está cerrada");
		write(user, "Me falta el convenio de prácticas firmado");

		assertThat(awaitMessageTo(user, "reabierto")).contains(ticket.label());
		assertThat(status(ticket.id())).isEqualTo("OPEN");

		tickets.changeStatus(ticket.id(), TicketStatus.CLOSED, Actor.staff("slack:U0MARTA"));
		this.jdbc.update("UPDATE ticket SET closed_at = DATE_SUB(closed_at, INTERVAL 8 DAY) WHERE id = ?", ticket.id());
		tap(user, "r:" + ticket.id());
		write(user, "Ahora pasa a contrato indefinido");

		String answer = awaitMessageTo(user, "para continuarla");
		Map<String, Object> followUp = this.jdbc.queryForMap("SELECT * FROM ticket WHERE follow_up_of = ?",
				ticket.id());
		assertThat(answer).contains(ticket.label(), "#" + followUp.get("number"));
		assertThat(followUp).containsEntry("department", "LABOUR").containsEntry("status", "OPEN");
		assertThat(status(ticket.id())).isEqualTo("CLOSED");
		awaitSlackCall("chat.postMessage", (params) -> params.getOrDefault("blocks", "").contains(ticket.label())
				&& params.getOrDefault("blocks", "").contains("#" + followUp.get("number")));
	}

	@Test
	void aNewTicketWhereARecentOneIsOpenOffersToAddToIt() {
		long user = linkClient("Elena Campos");
		TicketSummary recent = openTicket(user, Department.LABOUR, "Nómina de enero con un error en el IRPF");
		tap(user, "n");
		tap(user, "d:1");

		assertThat(awaitMessageTo(user, "Ya tienes abierta la consulta")).contains(recent.label(), "Nómina de enero");
		assertThat(callbackData(lastJsonTo(user))).contains("a:" + recent.id(), "nn", "x");
		tap(user, "a:" + recent.id());
		awaitMessageTo(user, "Escribe tu mensaje");
		write(user, "También el de febrero sale mal");

		awaitMessageTo(user, "Mensaje añadido");
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM ticket t JOIN chat_identity i "
						+ "ON i.client_id = t.client_id WHERE i.external_user_id = ?",
				Integer.class, String.valueOf(user)))
			.isEqualTo(1);
	}

	@Test
	void searchFindsTicketsByWordsAndByNumber() {
		long user = linkClient("Jorge Pascual");
		TicketSummary rent = openTicket(user, Department.ACCOUNTING_TAX, "Retenciones del alquiler del local");
		openTicket(user, Department.LABOUR, "Vacaciones de agosto");

		write(user, "/buscar alquiler");
		String found = awaitMessageTo(user, "con «alquiler»");
		assertThat(found).contains(rent.label()).doesNotContain("Vacaciones");
		assertThat(callbackData(lastJsonTo(user))).contains("t:" + rent.id());

		write(user, "/search " + rent.number());
		assertThat(awaitMessageTo(user, "Departamento")).contains(rent.label(), "Retenciones");
	}

	@Test
	void theLanguageButtonSwitchesTheWholeChatToEnglish() {
		long user = linkClient("Laura Gómez");

		tap(user, "lg:en");

		awaitMessageTo(user, "I will speak English");
		assertThat(awaitMessageTo(user, "How can we help")).isNotEmpty();
		assertThat(callbackData(lastJsonTo(user))).contains("lg:es");
		assertThat(
				this.jdbc.queryForObject(
						"SELECT c.language FROM client c JOIN chat_identity i "
								+ "ON i.client_id = c.id WHERE i.external_user_id = ?",
						String.class, String.valueOf(user)))
			.isEqualTo("en");
	}

	@Test
	void anEditedMessageCorrectsTheStoredTextWithoutSendingAnything() {
		long user = linkClient("Raúl Iglesias");
		TicketSummary ticket = openTicket(user, Department.LABOUR, "Primera consulta de prueba");
		tap(user, "r:" + ticket.id());
		long messageId = telegram(textUpdate(this.updates.incrementAndGet(), user, "La nómina de febero"));
		awaitMessageTo(user, "Mensaje añadido");
		int sentBefore = messagesTo(user).size();

		telegram(editedUpdate(user, messageId, "La nómina de febrero"));

		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.queryForList("SELECT body FROM ticket_message WHERE ticket_id = ?", String.class,
					ticket.id()), (bodies) -> bodies.contains("La nómina de febrero"));
		assertThat(this.jdbc.queryForList("SELECT body FROM ticket_message WHERE ticket_id = ?", String.class,
				ticket.id()))
			.doesNotContain("La nómina de febero");
		assertThat(messagesTo(user)).hasSize(sentBefore);
	}

	@Test
	void aCommandInAGroupGetsAShortNoteAndOpensNothing() {
		long user = this.users.incrementAndGet();
		long group = -100_000L - user;

		telegram(groupUpdate(user, group, "/start@kompanion_bot"));

		assertThat(awaitMessageTo(group, "chat privado")).isNotEmpty();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM conversation WHERE chat_id = ?", Integer.class,
				String.valueOf(group)))
			.isZero();
	}

	@Test
	void aLongStaffReplyArrivesWholeInSeveralMessages() {
		long user = linkClient("Teresa Navarro");
		TicketSummary ticket = openTicket(user, Department.ACCOUNTING_TAX, "Resumen de obligaciones trimestrales");
		String thread = awaitThread(ticket.id());
		StringBuilder reply = new StringBuilder();
		for (int i = 1; reply.length() < 6000; i++) {
			reply.append("Punto ").append(i).append(": revisad el modelo 303 & el 130 <antes> del día 20. ");
		}

		// Slack escapes &, < and > in what people type.
		String typed = reply.toString().strip().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
		this.bot.slackEvent(threadReply("EvLONG" + user, thread, "1733301200.00" + user, "U0MARTA", typed));

		List<String> parts = await().atMost(Duration.ofSeconds(10))
			.until(() -> messagesTo(user).stream()
				.map((m) -> text(m, "text"))
				.filter((t) -> t.contains("Punto"))
				.toList(), (found) -> found.size() >= 2 && String.join("", found).contains("Punto 90"));
		List<String> visible = parts.stream()
			.map((part) -> part.replaceAll("</?b>", "").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"))
			.toList();
		assertThat(visible).allSatisfy((part) -> assertThat(part.length()).isLessThanOrEqualTo(4096));
		String joined = String.join("", visible);
		assertThat(joined.replaceAll("\\s+", " ")).contains(reply.toString().strip().replaceAll("\\s+", " "));
	}

	@Test
	void hostileAndUnusualTextIsStoredByteExactAndShownEscaped() {
		long user = linkClient("Yasmin Haddad");
		String tricky = "<b>negrita</b> *no* _cursiva_ [enlace](javascript:alert(1)) `código` & 1 < 2 "
				+ "👩‍💼🇪🇸 مرحبا بالعالم ‏zero\u200Bwidth\u200D end";
		tap(user, "n");
		tap(user, "d:3");
		write(user, tricky);
		awaitMessageTo(user, "Revisa tu consulta");
		tap(user, "ok");
		awaitMessageTo(user, "creada");

		String stored = this.jdbc.queryForObject(
				"SELECT HEX(description) FROM ticket t JOIN chat_identity i "
						+ "ON i.client_id = t.client_id WHERE i.external_user_id = ?",
				String.class, String.valueOf(user));
		assertThat(stored).isEqualToIgnoringCase(HexFormat.of().formatHex(tricky.getBytes(StandardCharsets.UTF_8)));

		TicketSummary ticket = this.bot.bean(Tickets.class)
			.pageOf(clientIdOf(user), null, org.springframework.data.domain.PageRequest.of(0, 1))
			.getContent()
			.get(0);
		write(user, "/estado " + ticket.number());
		JsonNode detail = await().atMost(Duration.ofSeconds(10))
			.until(() -> lastJsonTo(user), (m) -> m != null && text(m, "text").contains("Departamento"));
		assertThat(text(detail, "text")).contains("&lt;b&gt;negrita&lt;/b&gt;", "&amp; 1 &lt; 2",
				"👩‍💼🇪🇸 مرحبا بالعالم ‏zero\u200Bwidth\u200D end");
		assertThat(text(detail, "parse_mode")).isEqualTo("HTML");
	}

	// Set-up helpers

	private long linkClient(String name) {
		long user = this.users.incrementAndGet();
		Clients clients = this.bot.bean(Clients.class);
		Client client = clients.register(user + "@clientes.test", name, null, "es");
		telegram(textUpdate(this.updates.incrementAndGet(), user, "/start " + clients.issueInvitation(client.getId())));
		awaitMessageTo(user, "vinculado");
		return user;
	}

	private TicketSummary openTicket(long user, Department department, String description) {
		return this.bot.bean(Tickets.class).open(clientIdOf(user), department, description, Channel.TELEGRAM);
	}

	private Long clientIdOf(long user) {
		return this.jdbc.queryForObject("SELECT client_id FROM chat_identity WHERE external_user_id = ?", Long.class,
				String.valueOf(user));
	}

	private String status(Long ticketId) {
		return this.jdbc.queryForObject("SELECT status FROM ticket WHERE id = ?", String.class, ticketId);
	}

	private String awaitThread(Long ticketId) {
		return await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.queryForObject("SELECT staff_thread_ref FROM ticket WHERE id = ?", String.class,
					ticketId), (ref) -> ref != null);
	}

	private String threadOf(long user) {
		return await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.queryForObject(
					"SELECT t.staff_thread_ref FROM ticket t JOIN chat_identity i "
							+ "ON i.client_id = t.client_id WHERE i.external_user_id = ?",
					String.class, String.valueOf(user)), (ref) -> ref != null);
	}

	private List<Map<String, Object>> attachmentsOf(long user) {
		return this.jdbc.queryForList(
				"SELECT a.* FROM ticket_attachment a JOIN ticket t ON t.id = a.ticket_id "
						+ "JOIN chat_identity i ON i.client_id = t.client_id WHERE i.external_user_id = ?",
				String.valueOf(user));
	}

	private byte[] readStored(String key) {
		try (InputStream in = this.bot.bean(FileStore.class).open(key)) {
			return in.readAllBytes();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	// Telegram side

	private long telegram(String update) {
		assertThat(this.bot.telegram(update)).isEqualTo(200);
		JsonNode message = this.bot.json().readTree(update).path("message");
		return message.path("message_id").asLong();
	}

	private void tap(long user, String data) {
		telegram(callbackUpdate(this.updates.incrementAndGet(), user, data));
	}

	private void write(long user, String text) {
		telegram(textUpdate(this.updates.incrementAndGet(), user, text));
	}

	private String photoUpdate(long user, String caption, String album) {
		long update = this.updates.incrementAndGet();
		return """
				{"update_id":%d,"message":{"message_id":%d,"date":1767600000,%s%s
				 "from":{"id":%d,"is_bot":false,"first_name":"Cliente","language_code":"es"},
				 "chat":{"id":%d,"first_name":"Cliente","type":"private"},
				 "photo":[{"file_id":"photo-small-%d","file_unique_id":"s%d","file_size":1200,"width":90,"height":67},
				  {"file_id":"photo-big-%d","file_unique_id":"b%d","file_size":%d,"width":1280,"height":960},
				  {"file_id":"photo-mid-%d","file_unique_id":"m%d","file_size":21000,"width":320,"height":240}]}}"""
			.formatted(update, update + 10, (caption != null) ? "\"caption\":" + quote(caption) + "," : "",
					(album != null) ? "\"media_group_id\":" + quote(album) + "," : "", user, user, update, update,
					update, update, 184_220, update, update);
	}

	private String documentUpdate(long user, String name, long size) {
		long update = this.updates.incrementAndGet();
		return """
				{"update_id":%d,"message":{"message_id":%d,"date":1767600000,
				 "from":{"id":%d,"is_bot":false,"first_name":"Cliente","language_code":"es"},
				 "chat":{"id":%d,"first_name":"Cliente","type":"private"},
				 "document":{"file_name":%s,
				  "mime_type":"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
				  "file_id":"doc-%d","file_unique_id":"d%d","file_size":%d}}}""".formatted(update, update + 10, user,
				user, quote(name), user, user, size);
	}

	private String replyUpdate(long user, String text, long botMessageId) {
		long update = this.updates.incrementAndGet();
		return """
				{"update_id":%d,"message":{"message_id":%d,"date":1767600000,
				 "from":{"id":%d,"is_bot":false,"first_name":"Cliente","language_code":"es"},
				 "chat":{"id":%d,"first_name":"Cliente","type":"private"},"text":%s,
				 "reply_to_message":{"message_id":%d,"date":1767599000,
				  "from":{"id":123456,"is_bot":true,"first_name":"Kompanion","username":"kompanion_bot"},
				  "chat":{"id":%d,"first_name":"Cliente","type":"private"},"text":"Respuesta del equipo"}}}"""
			.formatted(update, update + 10, user, user, quote(text), botMessageId, user);
	}

	private String editedUpdate(long user, long messageId, String text) {
		long update = this.updates.incrementAndGet();
		return """
				{"update_id":%d,"edited_message":{"message_id":%d,"date":1767600000,"edit_date":1767600060,
				 "from":{"id":%d,"is_bot":false,"first_name":"Cliente","language_code":"es"},
				 "chat":{"id":%d,"first_name":"Cliente","type":"private"},"text":%s}}""".formatted(update, messageId,
				user, user, quote(text));
	}

	private String groupUpdate(long user, long group, String text) {
		long update = this.updates.incrementAndGet();
		return """
				{"update_id":%d,"message":{"message_id":%d,"date":1767600000,
				 "from":{"id":%d,"is_bot":false,"first_name":"Cliente","language_code":"es"},
				 "chat":{"id":%d,"title":"Pérez SL y asesores","type":"supergroup"},"text":%s,
				 "entities":[{"offset":0,"length":%d,"type":"bot_command"}]}}""".formatted(update, update + 10, user,
				group, quote(text), text.length());
	}

	private List<JsonNode> messagesTo(long chatId) {
		return this.bot.sentMessages()
			.stream()
			.filter((m) -> m.get("chat_id").asString().equals(String.valueOf(chatId)))
			.toList();
	}

	private JsonNode lastJsonTo(long chatId) {
		List<JsonNode> messages = messagesTo(chatId);
		return messages.isEmpty() ? null : messages.get(messages.size() - 1);
	}

	private String lastMessageTo(long chatId) {
		JsonNode last = lastJsonTo(chatId);
		return (last != null) ? text(last, "text") : "";
	}

	private String awaitMessageTo(long chatId, String fragment) {
		return await().atMost(Duration.ofSeconds(15))
			.until(() -> messagesTo(chatId).stream()
				.map((m) -> text(m, "text"))
				.filter((t) -> t.contains(fragment))
				.reduce((first, second) -> second)
				.orElse(null), (t) -> t != null);
	}

	/**
	 * The message_id Telegram gave the last message the bot sent to the chat.
	 */
	private long messageIdOfLastSendTo(long chatId) {
		List<ServeEvent> events = this.bot.api().getAllServeEvents();
		for (ServeEvent event : events) {
			if (event.getRequest().getUrl().toLowerCase().contains("/sendmessage")
					&& event.getRequest().getBodyAsString().contains("\"chat_id\":\"" + chatId + "\"")) {
				return this.bot.json()
					.readTree(event.getResponse().getBodyAsString())
					.path("result")
					.path("message_id")
					.asLong();
			}
		}
		throw new IllegalStateException("Nothing was sent to " + chatId);
	}

	private static List<String> callbackData(JsonNode message) {
		JsonNode keyboard = message.get("reply_markup").get("inline_keyboard");
		return StreamSupport.stream(keyboard.spliterator(), false)
			.flatMap((row) -> StreamSupport.stream(row.spliterator(), false))
			.filter((button) -> button.has("callback_data"))
			.map((button) -> button.get("callback_data").asString())
			.toList();
	}

	private static List<String> commands(JsonNode call) {
		return StreamSupport.stream(call.get("commands").spliterator(), false)
			.map((command) -> command.get("command").asString())
			.toList();
	}

	private static String text(JsonNode node, String field) {
		return node.has(field) ? node.get(field).asString() : "";
	}

	// Slack side

	private LoggedRequest awaitSlackCall(String method, java.util.function.Predicate<Map<String, String>> matching) {
		return await().atMost(Duration.ofSeconds(15))
			.until(() -> this.bot.slackCalls(method)
				.stream()
				.filter((call) -> matching.test(this.bot.slackParams(call)))
				.findFirst()
				.orElse(null), (call) -> call != null);
	}

	private String fileShare(String eventId, String threadTs, String ts, String text) {
		String download = "http://127.0.0.1:" + this.bot.api().port() + "/files-pri/T0KOMP-F0STAFF/modelo-303.pdf";
		return """
				{"token":"legacy","team_id":"T0KOMP","api_app_id":"A0KOMP","type":"event_callback",
				 "event_id":"%s","event_time":1767600000,
				 "event":{"type":"message","subtype":"file_share","channel":"%s","user":"U0MARTA","text":%s,
				  "ts":"%s","thread_ts":"%s","event_ts":"%s","channel_type":"channel",
				  "files":[{"id":"F0STAFF","name":"modelo-303.pdf","title":"modelo-303.pdf",
				   "mimetype":"application/pdf","filetype":"pdf","size":%d,"url_private":"%s",
				   "url_private_download":"%s"}]}}""".formatted(eventId, BotHarness.STAFF_CHANNEL, quote(text), ts,
				threadTs, ts, STAFF_PDF.length, download, download);
	}

	private void stubFilesAndUniqueIds() {
		var api = this.bot.api();
		String base = "http://127.0.0.1:" + api.port();
		api.stubFor(post(urlPathMatching("(?i)/bot[^/]+/sendmessage")).atPriority(1)
			.willReturn(aResponse().withHeader("Content-Type", "application/json")
				.withTransformers("response-template")
				.withBody("""
						{"ok":true,"result":{"message_id":{{randomInt lower=1000 upper=900000000}},"date":1767600000,
						 "chat":{"id":1,"type":"private","first_name":"Cliente"},"text":"ok"}}""")));
		api.stubFor(post(urlPathEqualTo("/api/chat.postMessage")).atPriority(1)
			.willReturn(aResponse().withHeader("Content-Type", "application/json")
				.withTransformers("response-template")
				.withBody("""
							{"ok":true,"channel":"%s",
						"ts":"17333{{randomInt lower=10000 upper=99999}}.{{randomInt lower=100000 upper=999999}}",
							 "message":{"type":"message","user":"UBOT","bot_id":"B0BOT","text":"ok"}}"""
					.formatted(BotHarness.STAFF_CHANNEL))));
		api.stubFor(post(urlPathMatching("(?i)/bot[^/]+/getfile")).willReturn(okJson("""
				{"ok":true,"result":{"file_id":"any","file_unique_id":"u1","file_size":%d,
				 "file_path":"photos/file_7.jpg"}}""".formatted(PHOTO.length))));
		api.stubFor(get(urlPathMatching("/file/bot[^/]+/photos/file_7.jpg"))
			.willReturn(aResponse().withHeader("Content-Type", "image/jpeg").withBody(PHOTO)));
		api.stubFor(post(urlPathMatching("(?i)/bot[^/]+/(sendphoto|senddocument)")).willReturn(okJson("""
				{"ok":true,"result":{"message_id":4001,"date":1767600000,
				 "chat":{"id":1,"type":"private","first_name":"Cliente"},
				 "document":{"file_id":"sent","file_unique_id":"s","file_name":"modelo-303.pdf"}}}""")));
		api.stubFor(post(urlPathEqualTo("/api/files.getUploadURLExternal")).willReturn(okJson("""
				{"ok":true,"upload_url":"%s/upload/F0UPLOAD","file_id":"F0UPLOAD"}""".formatted(base))));
		api.stubFor(post(urlPathEqualTo("/upload/F0UPLOAD"))
			.willReturn(aResponse().withStatus(200).withBody("OK - " + PHOTO.length)));
		api.stubFor(post(urlPathEqualTo("/api/files.completeUploadExternal"))
			.willReturn(okJson("{\"ok\":true,\"files\":[{\"id\":\"F0UPLOAD\",\"title\":\"photo\"}]}")));
		api.stubFor(post(urlPathEqualTo("/api/files.info")).willReturn(okJson("""
				{"ok":true,"file":{"id":"F0STAFF","name":"modelo-303.pdf","title":"modelo-303.pdf",
				 "mimetype":"application/pdf","filetype":"pdf","size":%d,
				 "url_private":"%s/files-pri/T0KOMP-F0STAFF/modelo-303.pdf",
				 "url_private_download":"%s/files-pri/T0KOMP-F0STAFF/download/modelo-303.pdf"}}"""
			.formatted(STAFF_PDF.length, base, base))));
		api.stubFor(get(urlPathMatching("/files-pri/T0KOMP-F0STAFF/.*"))
			.willReturn(aResponse().withHeader("Content-Type", "application/pdf").withBody(STAFF_PDF)));
		api.stubFor(post(urlPathMatching("(?i)/bot[^/]+/getme")).willReturn(
				okJson("""
						{"ok":true,"result":{"id":123456,"is_bot":true,"first_name":"Kompanion","username":"kompanion_bot"}}""")));
	}

	private static boolean containsBytes(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

	private static String quote(String text) {
		return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(text);
	}

}
