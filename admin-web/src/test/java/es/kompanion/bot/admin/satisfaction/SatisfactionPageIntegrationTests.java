package es.kompanion.bot.admin.satisfaction;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import es.kompanion.bot.survey.Surveys;
import es.kompanion.bot.ticket.Actor;
import es.kompanion.bot.ticket.TicketMessage;
import es.kompanion.bot.ticket.TicketStatus;
import es.kompanion.bot.ticket.TicketSummary;
import es.kompanion.bot.ticket.Tickets;
import es.kompanion.bot.user.Channel;
import es.kompanion.bot.user.Client;
import es.kompanion.bot.user.Clients;
import es.kompanion.bot.user.Department;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The satisfaction page, its chart data and its CSV export through the real filter chain
 * on MariaDB, signed in as staff (not an admin). The tickets live in two months of a
 * far-away year picked at random, so the numbers are exact even when other runs share the
 * database.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SatisfactionPageIntegrationTests {

	private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Tickets tickets;

	@Autowired
	private Surveys surveys;

	@Autowired
	private Clients clients;

	@Autowired
	private JdbcTemplate jdbc;

	private final int year = ThreadLocalRandom.current().nextInt(2200, 9000);

	private final int month = ThreadLocalRandom.current().nextInt(1, 12);

	private long labourTicket;

	@BeforeEach
	void ticketsOfAYearOfTheirOwn() {
		Client client = this.clients.register(UUID.randomUUID() + "@example.com", "Ana Pérez", "@Pérez; Hijos SL",
				"es");
		ticket(client, Department.ACCOUNTING_TAX, at(0, 10, 10), Duration.ofMinutes(30), Duration.ofHours(5), 5, null);
		ticket(client, Department.ACCOUNTING_TAX, at(0, 12, 9), Duration.ofMinutes(90), Duration.ofHours(25), 3,
				"Bien, \"rápido\"\ny claro");
		this.labourTicket = ticket(client, Department.LABOUR, at(1, 2, 8), Duration.ofMinutes(60), Duration.ofHours(2),
				1, "=Todo tarde");
	}

	@Test
	void rendersTheNumbersInTheFallbackTables() throws Exception {
		this.mvc.perform(get("/satisfaction").param("from", from()).param("to", to()).with(staff()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"average\">3,00<")))
			.andExpect(content().string(containsString("id=\"surveys\">3<")))
			.andExpect(content().string(containsString("id=\"first-response\">60 min<")))
			.andExpect(content().string(containsString("id=\"resolution\">10,7 h<")))
			.andExpect(content().string(containsString("id=\"rating-5\">1<")))
			.andExpect(content().string(containsString("id=\"rating-4\">0<")))
			.andExpect(content().string(containsString("id=\"month-" + month(0) + "-surveys\">2<")))
			.andExpect(content().string(containsString("id=\"month-" + month(0) + "-average\">4,00<")))
			.andExpect(content().string(containsString("id=\"department-ACCOUNTING_TAX-average\">4,00<")))
			.andExpect(content().string(containsString("id=\"department-ACCOUNTING_TAX-first-response\">60<")))
			.andExpect(content().string(containsString("id=\"department-ACCOUNTING_TAX-resolution\">15,0<")))
			.andExpect(content().string(containsString("id=\"department-LABOUR-average\">1,00<")))
			.andExpect(content().string(containsString("id=\"department-INTEGRATIONS-average\">—<")));
	}

	@Test
	void drawsChartsFromScriptFilesOnly() throws Exception {
		String page = this.mvc.perform(get("/satisfaction").with(staff()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("<script src=\"/webjars/chart.js/", "/dist/chart.umd.js\" defer></script>",
				"<script src=\"/admin/satisfaction.js\" defer></script>", "<canvas id=\"rating-chart\"",
				"<canvas id=\"month-chart\"", "<canvas id=\"department-chart\"", "<canvas id=\"times-chart\"",
				"data-source=\"/satisfaction/data?from=");
		assertThat(page).doesNotContain("<script>", "style=", "onclick=", "onload=");
		this.mvc.perform(get("/webjars/chart.js/dist/chart.umd.js")).andExpect(status().isOk());
		this.mvc.perform(get("/admin/satisfaction.js")).andExpect(status().isOk());
	}

	@Test
	void servesTheChartNumbersAsJson() throws Exception {
		this.mvc.perform(get("/satisfaction/data").param("from", from()).param("to", to()).with(staff()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.ratings.labels[0]").value("1 ★"))
			.andExpect(jsonPath("$.ratings.surveys", contains(1, 0, 1, 0, 1)))
			.andExpect(jsonPath("$.months.labels.length()").value(2))
			.andExpect(jsonPath("$.months.surveys", contains(2, 1)))
			.andExpect(jsonPath("$.months.averages[0]").value(4.0))
			.andExpect(jsonPath("$.departments.labels[0]").value("Contabilidad / Fiscal"))
			.andExpect(jsonPath("$.departments.averages[0]").value(4.0))
			.andExpect(jsonPath("$.departments.averages[2]").value(nullValue()))
			.andExpect(jsonPath("$.departments.firstResponseMinutes[0]").value(60.0))
			.andExpect(jsonPath("$.departments.resolutionHours[1]").value(2.0))
			.andExpect(jsonPath("$.texts.average").value("Valoración media"));
	}

	@Test
	void narrowsEverythingToOneDepartment() throws Exception {
		this.mvc
			.perform(get("/satisfaction/data").param("from", from())
				.param("to", to())
				.param("department", "LABOUR")
				.with(staff()))
			.andExpect(jsonPath("$.ratings.surveys", contains(1, 0, 0, 0, 0)))
			.andExpect(jsonPath("$.departments.labels", contains("Laboral")));
	}

	@Test
	void exportsEverySurveyAsCsvForSpanishExcel() throws Exception {
		byte[] body = this.mvc
			.perform(get("/satisfaction/export.csv").param("from", from()).param("to", to()).with(staff()))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", startsWith("text/csv")))
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();

		assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
		String csv = new String(body, StandardCharsets.UTF_8).substring(1);
		assertThat(csv.split("\r\n")).hasSize(4);
		assertThat(csv).startsWith("Consulta;Departamento;Empresa;Valoración;Comentario;Respondida;"
				+ "Primera respuesta (min);Resolución (h)\r\n");
		assertThat(csv)
			.contains(";Contabilidad / Fiscal;\"'@Pérez; Hijos SL\";5;;" + month(0) + "-11 10:00;30;5,0\r\n");
		assertThat(csv).contains(";3;\"Bien, \"\"rápido\"\"\ny claro\";");
		assertThat(csv).endsWith(this.labourTicket + ";Laboral;\"'@Pérez; Hijos SL\";1;'=Todo tarde;" + month(1)
				+ "-03 10:00;60;2,0\r\n");
	}

	@Test
	void fallsBackToTheLastTwelveMonthsForAnImpossiblePeriod() throws Exception {
		this.mvc.perform(get("/satisfaction").param("from", to()).param("to", from()).with(staff()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Ese periodo no vale")));
	}

	@Test
	void sendsVisitorsWhoAreNotSignedInToTheLoginPage() throws Exception {
		this.mvc.perform(get("/satisfaction/export.csv")).andExpect(redirectedUrl("/login"));
	}

	/**
	 * A time in the test's first month (0) or the one after it (1).
	 */
	private Instant at(int monthOffset, int day, int hour) {
		return LocalDateTime.of(this.year, this.month + monthOffset, day, hour, 0).atZone(MADRID).toInstant();
	}

	private String from() {
		return LocalDate.of(this.year, this.month, 1).toString();
	}

	private String to() {
		return LocalDate.of(this.year, this.month, 1).plusMonths(2).minusDays(1).toString();
	}

	private String month(int offset) {
		return YearMonth.of(this.year, this.month + offset).toString();
	}

	/**
	 * Opens, answers, closes and rates a ticket through the core, then moves its times
	 * into the test's year; the survey is answered a day after opening, at 10:00.
	 */
	private long ticket(Client client, Department department, Instant openedAt, Duration firstReply,
			Duration resolution, int rating, @Nullable String comment) {
		TicketSummary ticket = this.tickets.open(client.getId(), department, "Consulta para el informe",
				Channel.TELEGRAM);
		TicketMessage reply = this.tickets.addStaffReply(ticket.id(), Actor.staff("slack:U1"), "Respuesta", null);
		this.tickets.changeStatus(ticket.id(), TicketStatus.CLOSED, Actor.staff("slack:U1"));
		this.surveys.rate(ticket.id(), client.getId(), rating);
		if (comment != null) {
			this.surveys.comment(ticket.id(), client.getId(), comment);
		}

		Instant answeredAt = openedAt.atZone(MADRID).toLocalDate().plusDays(1).atTime(10, 0).atZone(MADRID).toInstant();
		this.jdbc.update("UPDATE ticket SET created_at = ?, closed_at = ? WHERE id = ?", utc(openedAt),
				utc(openedAt.plus(resolution)), ticket.id());
		this.jdbc.update("UPDATE ticket_message SET created_at = ? WHERE ticket_id = ?", utc(openedAt), ticket.id());
		this.jdbc.update("UPDATE ticket_message SET created_at = ? WHERE id = ?", utc(openedAt.plus(firstReply)),
				reply.getId());
		this.jdbc.update("UPDATE survey SET answered_at = ? WHERE ticket_id = ?", utc(answeredAt), ticket.id());
		return ticket.number();
	}

	private static LocalDateTime utc(Instant instant) {
		return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static RequestPostProcessor staff() {
		return user("staff-" + UUID.randomUUID() + "@kompanion.test").roles("STAFF");
	}

}
