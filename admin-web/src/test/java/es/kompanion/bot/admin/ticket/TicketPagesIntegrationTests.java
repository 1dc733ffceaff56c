package es.kompanion.bot.admin.ticket;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import es.kompanion.bot.file.FileStore;
import es.kompanion.bot.file.StoredFile;
import es.kompanion.bot.ticket.Actor;
import es.kompanion.bot.ticket.Attachments;
import es.kompanion.bot.ticket.ClientPost;
import es.kompanion.bot.ticket.IncomingFile;
import es.kompanion.bot.ticket.TicketAttachment;
import es.kompanion.bot.ticket.AuthorType;
import es.kompanion.bot.ticket.TicketMessage;
import es.kompanion.bot.ticket.TicketStatus;
import es.kompanion.bot.ticket.TicketSummary;
import es.kompanion.bot.ticket.Tickets;
import es.kompanion.bot.user.Channel;
import es.kompanion.bot.user.ChatAccount;
import es.kompanion.bot.user.Client;
import es.kompanion.bot.user.Clients;
import es.kompanion.bot.user.Department;
import es.kompanion.bot.user.Staff;
import es.kompanion.bot.user.StaffRepository;
import es.kompanion.bot.user.StaffRole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The ticket pages through the real filter chain on the real MariaDB. Other test runs
 * share the database, so each test makes its own uniquely named client, staff and
 * tickets, and narrows every list to them.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TicketPagesIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Tickets tickets;

	@Autowired
	private Clients clients;

	@Autowired
	private StaffRepository staffRepository;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private Attachments attachments;

	@Autowired
	private FileStore fileStore;

	private Staff staff;

	private String company;

	private Client client;

	@BeforeEach
	void createStaffAndClient() {
		this.staff = this.staffRepository.save(new Staff("Marta Gil " + unique(), unique() + "@kompanion.test",
				StaffRole.STAFF, EnumSet.of(Department.LABOUR)));
		this.company = "Talleres " + unique();
		this.client = this.clients.register(unique() + "@example.test", "Ana Ruiz", this.company, "es");
	}

	@Test
	void listsTicketsFilteredByStatusDepartmentAndClient() throws Exception {
		TicketSummary payroll = open(Department.LABOUR, "Alta de un trabajador nuevo");
		TicketSummary vat = open(Department.ACCOUNTING_TAX, "Dudas con el IVA trimestral");
		this.tickets.changeStatus(vat.id(), TicketStatus.CLOSED, Actor.staff("slack:U1"));

		String open = page(get("/tickets").param("status", "OPEN").param("client", this.company));
		String closedTax = page(get("/tickets").param("status", "CLOSED")
			.param("department", "ACCOUNTING_TAX")
			.param("client", this.company));
		String all = page(get("/tickets").param("status", "").param("client", this.company.toUpperCase()));

		assertThat(open).contains(payroll.label(), "Alta de un trabajador nuevo", "Laboral", "Ana Ruiz", this.company)
			.doesNotContain(vat.label());
		assertThat(closedTax).contains(vat.label(), "Cerrado", "Contabilidad / Fiscal").doesNotContain(payroll.label());
		assertThat(all).contains("<h1>Consultas</h1>", payroll.label(), vat.label(), "2 consultas");
	}

	@Test
	void searchesTheDescription() throws Exception {
		TicketSummary wanted = open(Department.OTHER, "Necesito el certificado de retenciones");
		TicketSummary other = open(Department.OTHER, "Cambio de cuenta bancaria");

		String found = page(get("/tickets").param("client", this.company).param("q", "RETENCIONES"));

		assertThat(found).contains(wanted.label()).doesNotContain(other.label());
	}

	@Test
	void opensATicketFoundByItsNumber() throws Exception {
		TicketSummary ticket = open(Department.OTHER, "Consulta con número");

		this.mvc.perform(get("/tickets").param("q", ticket.label()).with(asStaff()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/tickets/" + ticket.id()));
	}

	@Test
	void pagesTheListByTwentyFive() throws Exception {
		for (int i = 0; i < 26; i++) {
			open(Department.OTHER, "Consulta en serie " + i);
		}

		String first = page(get("/tickets").param("client", this.company));
		String second = page(get("/tickets").param("client", this.company).param("page", "1"));

		assertThat(first).contains("26 consultas", "Página 1 de 2", "Consulta en serie 25")
			.doesNotContain("Consulta en serie 0<");
		assertThat(second).contains("Página 2 de 2", "Consulta en serie 0");
	}

	@Test
	void listsTheFilesOfEachMessageAndHandsThemOutOnlyAsDownloads() throws Exception {
		byte[] pdf = "%PDF-1.7 factura".getBytes(java.nio.charset.StandardCharsets.UTF_8);
		TicketSummary ticket = this.tickets.open(this.client.getId(), Department.ACCOUNTING_TAX,
				new ClientPost("Os mando la factura",
						List.of(new IncomingFile("f-1", "factura <1>.pdf", "application/pdf", pdf.length),
								new IncomingFile("f-2", "extracto.pdf", "application/pdf", 9)),
						null),
				Channel.TELEGRAM);
		List<TicketAttachment> files = this.attachments.ofTicket(ticket.id());
		StoredFile stored = this.fileStore.save(new java.io.ByteArrayInputStream(pdf), 1024);
		this.attachments.stored(files.get(0).getId(), stored.key(), stored.size());
		this.attachments.notDelivered(files.get(0).getId(), "SLACK", "missing_scope");
		TicketSummary other = open(Department.OTHER, "Otra consulta");

		String page = page(get("/tickets/" + ticket.id()));
		MvcResult download = this.mvc
			.perform(get("/tickets/" + ticket.id() + "/files/" + files.get(0).getId()).with(asStaff()))
			.andExpect(status().isOk())
			.andReturn();

		assertThat(page).contains("/tickets/" + ticket.id() + "/files/" + files.get(0).getId(), "factura &lt;1&gt;.pdf",
				"extracto.pdf", "sin descargar", "no se pudo subir al hilo de Slack (missing_scope)");
		assertThat(page).doesNotContain("/files/" + files.get(1).getId() + "\"");
		assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(pdf);
		assertThat(download.getResponse().getHeader("Content-Disposition")).startsWith("attachment;");
		assertThat(download.getResponse().getContentType()).isEqualTo("application/octet-stream");
		this.mvc.perform(get("/tickets/" + other.id() + "/files/" + files.get(0).getId()).with(asStaff()))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/tickets/" + ticket.id() + "/files/" + files.get(1).getId()).with(asStaff()))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/tickets/" + ticket.id() + "/files/" + files.get(0).getId()))
			.andExpect(status().isFound());
	}

	@Test
	void showsTheWholeConversationAsText() throws Exception {
		TicketSummary ticket = open(Department.LABOUR, "Hola <script>alert('x')</script>\nsegunda línea");
		this.tickets.addStaffReply(ticket.id(), Actor.staff("slack:U024BE7LH"), "Respuesta <b>desde</b> Slack", "1.2");
		this.tickets.addStaffReply(ticket.id(), Actor.staffMember(this.staff.getId()), "Respuesta desde la web", null);
		this.tickets.changeStatus(ticket.id(), TicketStatus.CLOSED, Actor.staffMember(this.staff.getId()));

		String html = page(get("/tickets/" + ticket.id()));

		assertThat(html).doesNotContain("<script>alert")
			.contains("Hola &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;\nsegunda línea")
			.contains("Slack U024BE7LH", "Respuesta &lt;b&gt;desde&lt;/b&gt; Slack")
			.contains(this.staff.getFullName(), "Respuesta desde la web")
			.contains("Estado: Abierto → Cerrado, por " + this.staff.getFullName())
			.contains("href=\"/clients/" + this.client.getId() + "\"", this.company)
			.contains("Reabrir")
			.contains("el cliente recibirá tu respuesta en una consulta cerrada");
	}

	@Test
	void sendsAReplyFromTheWebToTheClient() throws Exception {
		String chatId = unique();
		this.clients.linkDirectly(this.client.getId(), new ChatAccount(Channel.WEB, chatId, chatId, "Ana"));
		TicketSummary ticket = open(Department.LABOUR, "¿Cuándo sale la nómina?");

		this.mvc
			.perform(post("/tickets/" + ticket.id() + "/reply").param("text", "Sale el día 28.\r\nUn saludo")
				.with(asStaff())
				.with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/tickets/" + ticket.id()))
			.andExpect(flash().attribute("notice", "admin.tickets.reply.sent"));

		List<TicketMessage> messages = this.tickets.messagesOf(ticket.id());
		assertThat(messages).last().satisfies((message) -> {
			assertThat(message.getAuthorType()).isEqualTo(AuthorType.STAFF);
			assertThat(message.getAuthorRef()).isEqualTo("staff:" + this.staff.getId());
			assertThat(message.getBody()).isEqualTo("Sale el día 28.\nUn saludo");
		});
		assertThat(outboxRowsFor(chatId)).isEqualTo(1);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(webChatOf(chatId)).singleElement()
				.asString()
				.contains("Respuesta del equipo", ticket.label(), "Sale el día 28.\\nUn saludo"));
		assertThat(auditEntries("ticket.replied", ticket)).isEqualTo(1);
	}

	@Test
	void keepsAnEmptyOrTooLongReplyFromTheClient() throws Exception {
		TicketSummary ticket = open(Department.OTHER, "Una duda");

		this.mvc
			.perform(post("/tickets/" + ticket.id() + "/reply").param("text", "  \r\n ").with(asStaff()).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(flash().attribute("problem", "admin.tickets.reply.empty"));
		this.mvc.perform(
				post("/tickets/" + ticket.id() + "/reply").param("text", "x".repeat(4001)).with(asStaff()).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(flash().attribute("problem", "admin.tickets.reply.too-long"))
			.andExpect(flash().attribute("draft", "x".repeat(4001)));

		assertThat(this.tickets.messagesOf(ticket.id())).hasSize(1);
	}

	@Test
	void closesATicketFromTheWebAndAsksTheClientForASurvey() throws Exception {
		String chatId = unique();
		this.clients.linkDirectly(this.client.getId(), new ChatAccount(Channel.WEB, chatId, chatId, "Ana"));
		TicketSummary ticket = open(Department.LABOUR, "Baja de un trabajador");

		this.mvc
			.perform(post("/tickets/" + ticket.id() + "/status").param("status", "CLOSED").with(asStaff()).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(flash().attribute("notice", "admin.tickets.status.changed"));

		assertThat(this.tickets.summary(ticket.id()).status()).isEqualTo(TicketStatus.CLOSED);
		assertThat(this.tickets.messagesOf(ticket.id())).last().satisfies((message) -> {
			assertThat(message.getBody()).isEqualTo("status OPEN -> CLOSED");
			assertThat(message.getAuthorRef()).isEqualTo("staff:" + this.staff.getId());
		});
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(webChatOf(chatId)).singleElement()
				.asString()
				.contains("¿Qué tal te hemos atendido?"));
		assertThat(auditEntries("ticket.status-changed", ticket)).isEqualTo(1);
	}

	@Test
	void refusesAMoveTheRulesForbid() throws Exception {
		TicketSummary ticket = open(Department.OTHER, "Ya resuelta");
		this.tickets.changeStatus(ticket.id(), TicketStatus.CLOSED, Actor.staff("slack:U1"));

		this.mvc
			.perform(post("/tickets/" + ticket.id() + "/status").param("status", "PENDING_CLIENT")
				.with(asStaff())
				.with(csrf()))
			.andExpect(status().isFound())
			.andExpect(flash().attribute("problem", "admin.tickets.status.not-allowed"));

		assertThat(this.tickets.summary(ticket.id()).status()).isEqualTo(TicketStatus.CLOSED);
		assertThat(auditEntries("ticket.status-changed", ticket)).isZero();
	}

	@Test
	void changesNothingWithoutACsrfToken() throws Exception {
		TicketSummary ticket = open(Department.OTHER, "Sin token");

		this.mvc.perform(post("/tickets/" + ticket.id() + "/reply").param("text", "Hola").with(asStaff()))
			.andExpect(redirectedUrl("/tickets/" + ticket.id() + "/reply?formExpired"));
		this.mvc.perform(post("/tickets/" + ticket.id() + "/status").param("status", "CLOSED").with(asStaff()))
			.andExpect(redirectedUrl("/tickets/" + ticket.id() + "/status?formExpired"));

		assertThat(this.tickets.messagesOf(ticket.id())).hasSize(1);
		assertThat(this.tickets.summary(ticket.id()).status()).isEqualTo(TicketStatus.OPEN);
	}

	@Test
	void answersAnUnknownTicketWithNotFound() throws Exception {
		this.mvc.perform(get("/tickets/" + Long.MAX_VALUE).with(asStaff())).andExpect(status().isNotFound());
	}

	private TicketSummary open(Department department, String description) {
		return this.tickets.open(this.client.getId(), department, description, Channel.TELEGRAM);
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		MvcResult result = this.mvc.perform(request.with(asStaff())).andExpect(status().isOk()).andReturn();
		return result.getResponse().getContentAsString();
	}

	private RequestPostProcessor asStaff() {
		return user(this.staff.getEmail()).roles("STAFF");
	}

	private int outboxRowsFor(String chatId) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE topic = 'WEB' AND stream_key = ?",
				Integer.class, "WEB:" + chatId);
	}

	private List<String> webChatOf(String chatId) {
		return this.jdbc.queryForList("SELECT payload FROM web_chat_message WHERE chat_id = ? ORDER BY id",
				String.class, chatId);
	}

	private int auditEntries(String action, TicketSummary ticket) {
		return this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM audit_entry WHERE action = ? AND target = ? AND actor = ?", Integer.class, action,
				"ticket:" + ticket.id(), this.staff.getEmail());
	}

	private static String unique() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

}
