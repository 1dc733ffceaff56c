package es.kompanion.bot.admin.resource;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import es.kompanion.bot.admin.resource.CalendarImportReport.Outcome;
import es.kompanion.bot.admin.resource.CalendarImportReport.Row;
import es.kompanion.bot.resource.AppliesTo;
import es.kompanion.bot.resource.DeadlineDraft;
import es.kompanion.bot.resource.FiscalDeadline;
import es.kompanion.bot.resource.Resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Importing a year's calendar from CSV through the real filter chain on MariaDB: every
 * row is checked first, rows with errors stay out, duplicates are skipped, and the report
 * says so row by row.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CalendarImportIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Resources resources;

	@Autowired
	private JdbcTemplate jdbc;

	private final String actor = "admin-" + UUID.randomUUID() + "@kompanion.test";

	private final int year = ThreadLocalRandom.current().nextInt(2200, 9000);

	private final String tag = UUID.randomUUID().toString().substring(0, 8);

	@Test
	void importsTheGoodRowsAndReportsEveryRow() throws Exception {
		this.resources.addDeadline(new DeadlineDraft(LocalDate.of(this.year, 1, 30), this.tag + " 390", "Resumen anual",
				null, AppliesTo.ALL));
		String csv = "\uFEFFfecha;modelo;titulo_es;titulo_en;aplica_a\r\n" + this.year + "-04-20;" + this.tag
				+ " 303;\"IVA; 1T\";VAT Q1;todos\r\n" + "20/07/" + this.year + ";" + this.tag
				+ " 130;IRPF 2T;;autónomos\r\n" + "30/01/" + this.year + ";" + this.tag + " 390;Resumen anual;;\r\n"
				+ this.year + "-04-20;" + this.tag + " 303;IVA repetido;;todos\r\n" + "31/04/" + this.year + ";"
				+ this.tag + " 111;Retenciones;;empleadores\r\n" + this.year + "-10-20;" + this.tag
				+ " 202;;;cooperativas\r\n";

		CalendarImportReport report = upload(csv.getBytes(StandardCharsets.UTF_8));

		assertThat(report.refusal()).isNull();
		assertThat(report.rows()).extracting(Row::line, Row::outcome)
			.containsExactly(tuple(2, Outcome.CREATED), tuple(3, Outcome.CREATED), tuple(4, Outcome.DUPLICATE),
					tuple(5, Outcome.DUPLICATE), tuple(6, Outcome.ERROR), tuple(7, Outcome.ERROR));
		assertThat(report.rows().get(4).problems()).extracting(CalendarImportReport.Problem::code)
			.containsExactly("calendar.import.error.date");
		assertThat(report.rows().get(5).problems()).extracting(CalendarImportReport.Problem::code)
			.containsExactly("calendar.import.error.required", "calendar.import.error.applies-to");
		assertThat(mine())
			.extracting(FiscalDeadline::getTaxForm, FiscalDeadline::getTitleEs, FiscalDeadline::getAppliesTo)
			.containsExactlyInAnyOrder(tuple(this.tag + " 390", "Resumen anual", AppliesTo.ALL),
					tuple(this.tag + " 303", "IVA; 1T", AppliesTo.ALL),
					tuple(this.tag + " 130", "IRPF 2T", AppliesTo.SELF_EMPLOYED));
		assertThat(this.jdbc.queryForList("SELECT details FROM audit_entry WHERE actor = ? AND action = ?",
				String.class, this.actor, "calendar.imported"))
			.containsExactly("importación CSV: 2 creados, 2 duplicados, 2 con errores");
	}

	@Test
	void showsTheReportOnThePage() throws Exception {
		String csv = "fecha,modelo,titulo_es,titulo_en,aplica_a\n" + this.year + "-04-20," + this.tag
				+ " 303,IVA,VAT,ALL\n" + "ayer," + this.tag + " 111,Retenciones,,ALL\n";

		String page = this.mvc
			.perform(multipart("/calendar/import").file(file(csv.getBytes(StandardCharsets.UTF_8)))
				.with(admin())
				.with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("id=\"count-created\">1<", "id=\"count-error\">1<", "id=\"row-3\"",
				"La fecha «ayer» no es válida");
	}

	@Test
	void refusesAFileWithoutTheExpectedHeader() throws Exception {
		String csv = "date,form,title\n" + this.year + "-04-20," + this.tag + ",IVA\n";

		CalendarImportReport report = upload(csv.getBytes(StandardCharsets.UTF_8));

		assertThat(report.refusal()).isEqualTo("calendar.import.error.header");
		assertThat(report.refusalArgument()).isEqualTo("fecha,modelo,titulo_es,titulo_en,aplica_a");
		assertThat(mine()).isEmpty();
	}

	@Test
	void refusesAFileThatIsNotUtf8() throws Exception {
		String csv = "fecha,modelo,titulo_es,titulo_en,aplica_a\n" + this.year + "-04-20," + this.tag
				+ ",Declaración,,todos\n";

		CalendarImportReport report = upload(csv.getBytes(StandardCharsets.ISO_8859_1));

		assertThat(report.refusal()).isEqualTo("calendar.import.error.encoding");
		assertThat(mine()).isEmpty();
	}

	@Test
	void refusesMoreThanTwoThousandRows() throws Exception {
		StringBuilder csv = new StringBuilder("fecha,modelo,titulo_es,titulo_en,aplica_a\n");
		for (int i = 0; i < 2001; i++) {
			csv.append(LocalDate.of(this.year, 1, 1).plusDays(i % 365))
				.append(',')
				.append(this.tag)
				.append(' ')
				.append(i)
				.append(",Plazo,,todos\n");
		}

		CalendarImportReport report = upload(csv.toString().getBytes(StandardCharsets.UTF_8));

		assertThat(report.refusal()).isEqualTo("calendar.import.error.rows");
		assertThat(mine()).isEmpty();
	}

	@Test
	void refusesAFileOverTwoMegabytes() throws Exception {
		byte[] big = new byte[2 * 1024 * 1024 + 1];
		java.util.Arrays.fill(big, (byte) 'a');

		CalendarImportReport report = upload(big);

		assertThat(report.refusal()).isEqualTo("calendar.import.error.size");
	}

	@Test
	void refusesAnUnclosedQuote() throws Exception {
		String csv = "fecha,modelo,titulo_es,titulo_en,aplica_a\n" + this.year + "-04-20," + this.tag
				+ ",\"IVA,,todos\n";

		CalendarImportReport report = upload(csv.getBytes(StandardCharsets.UTF_8));

		assertThat(report.refusal()).isEqualTo("calendar.import.error.quotes");
		assertThat(report.refusalArgument()).isEqualTo(2);
	}

	private CalendarImportReport upload(byte[] content) throws Exception {
		MvcResult result = this.mvc
			.perform(multipart("/calendar/import").file(file(content)).with(admin()).with(csrf()))
			.andExpect(status().isOk())
			.andReturn();
		Map<String, Object> model = result.getModelAndView().getModel();
		return (CalendarImportReport) model.get("report");
	}

	private List<FiscalDeadline> mine() {
		return this.resources.deadlinesOf(this.year)
			.stream()
			.filter((d) -> d.getTaxForm().startsWith(this.tag))
			.toList();
	}

	private static MockMultipartFile file(byte[] content) {
		return new MockMultipartFile("file", "calendario.csv", "text/csv", content);
	}

	private RequestPostProcessor admin() {
		return user(this.actor).roles("ADMIN");
	}

}
