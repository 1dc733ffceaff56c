package es.kompanion.bot.admin.resource;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import es.kompanion.bot.resource.AppliesTo;
import es.kompanion.bot.resource.DeadlineDraft;
import es.kompanion.bot.resource.FiscalDeadline;
import es.kompanion.bot.resource.Resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The fiscal calendar pages through the real filter chain on MariaDB, signed in as an
 * admin. Each test works in a far-away year of its own.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CalendarPagesIntegrationTests {

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
	void listsTheDeadlinesOfTheChosenYearByDate() throws Exception {
		add(LocalDate.of(this.year, 10, 20), this.tag + " 303 3T");
		add(LocalDate.of(this.year, 4, 20), this.tag + " 303 1T");
		add(LocalDate.of(this.year + 1, 1, 30), this.tag + " 390");

		String page = this.mvc.perform(get("/calendar").param("year", String.valueOf(this.year)).with(admin()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("Calendario fiscal " + this.year, "<option value=\"" + this.year + "\"");
		assertThat(page.indexOf(this.tag + " 303 1T")).isPositive().isLessThan(page.indexOf(this.tag + " 303 3T"));
		assertThat(page).doesNotContain(this.tag + " 390");
	}

	@Test
	void createsEditsAndDeletesADeadlineWithAnAuditTrail() throws Exception {
		String form = this.tag + " Modelo 111";

		this.mvc
			.perform(post("/calendar").with(admin())
				.with(csrf())
				.param("dueDate", "20/07/" + this.year)
				.param("taxForm", form)
				.param("titleEs", "Retenciones 2T")
				.param("titleEn", "")
				.param("appliesTo", "EMPLOYERS"))
			.andExpect(redirectedUrl("/calendar?year=" + this.year));
		FiscalDeadline created = only();
		this.mvc
			.perform(post("/calendar/" + created.getId()).with(admin())
				.with(csrf())
				.param("dueDate", this.year + "-07-21")
				.param("taxForm", form)
				.param("titleEs", "Retenciones 2T")
				.param("titleEn", "Withholdings Q2")
				.param("appliesTo", "EMPLOYERS"))
			.andExpect(redirectedUrl("/calendar?year=" + this.year));
		FiscalDeadline edited = only();
		this.mvc.perform(post("/calendar/" + created.getId() + "/delete").with(admin()).with(csrf()))
			.andExpect(redirectedUrl("/calendar?year=" + this.year));

		assertThat(created.getDueDate()).isEqualTo(LocalDate.of(this.year, 7, 20));
		assertThat(created.getTitleEn()).isNull();
		assertThat(created.getAppliesTo()).isEqualTo(AppliesTo.EMPLOYERS);
		assertThat(edited.getDueDate()).isEqualTo(LocalDate.of(this.year, 7, 21));
		assertThat(edited.title("en")).isEqualTo("Withholdings Q2");
		assertThat(this.resources.deadlinesOf(this.year)).noneMatch((d) -> d.getTaxForm().startsWith(this.tag));
		String target = "deadline:" + created.getId();
		assertThat(audited()).containsExactly(tuple("deadline.created", target), tuple("deadline.updated", target),
				tuple("deadline.deleted", target));
	}

	@Test
	void refusesASecondDeadlineOfTheSameFormOnTheSameDay() throws Exception {
		add(LocalDate.of(this.year, 1, 30), this.tag + " Modelo 390");

		String page = this.mvc
			.perform(post("/calendar").with(admin())
				.with(csrf())
				.param("dueDate", this.year + "-01-30")
				.param("taxForm", this.tag + " modelo  390")
				.param("titleEs", "Resumen anual")
				.param("appliesTo", "ALL"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("Ya hay un vencimiento de este modelo en esa fecha.");
		assertThat(this.resources.deadlinesOf(this.year)).filteredOn((d) -> d.getTaxForm().startsWith(this.tag))
			.hasSize(1);
		assertThat(audited()).isEmpty();
	}

	@Test
	void refusesAnImpossibleDate() throws Exception {
		String page = this.mvc
			.perform(post("/calendar").with(admin())
				.with(csrf())
				.param("dueDate", "31/04/" + this.year)
				.param("taxForm", this.tag)
				.param("titleEs", "Imposible")
				.param("appliesTo", "ALL"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("Escribe una fecha válida");
		assertThat(this.resources.deadlinesOf(this.year)).noneMatch((d) -> d.getTaxForm().startsWith(this.tag));
	}

	@Test
	void showsTheCalendarInEnglishOnRequest() throws Exception {
		add(LocalDate.of(this.year, 4, 20), this.tag + " 303");

		String page = this.mvc
			.perform(get("/calendar").param("year", String.valueOf(this.year)).param("lang", "en").with(admin()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("Fiscal calendar " + this.year, "Everybody", "Import a calendar (CSV)");
	}

	private FiscalDeadline add(LocalDate day, String form) {
		return this.resources.addDeadline(new DeadlineDraft(day, form, "Plazo " + form, null, AppliesTo.ALL));
	}

	private FiscalDeadline only() {
		List<FiscalDeadline> mine = this.resources.deadlinesOf(this.year)
			.stream()
			.filter((d) -> d.getTaxForm().startsWith(this.tag))
			.toList();
		assertThat(mine).hasSize(1);
		return mine.get(0);
	}

	private List<Tuple> audited() {
		return this.jdbc.query("SELECT action, target FROM audit_entry WHERE actor = ? ORDER BY id",
				(rs, i) -> tuple(rs.getString(1), rs.getString(2)), this.actor);
	}

	private RequestPostProcessor admin() {
		return user(this.actor).roles("ADMIN");
	}

}
