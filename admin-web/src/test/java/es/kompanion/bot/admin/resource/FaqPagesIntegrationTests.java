package es.kompanion.bot.admin.resource;

import java.util.List;
import java.util.UUID;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import es.kompanion.bot.resource.FaqDraft;
import es.kompanion.bot.resource.FaqEntry;
import es.kompanion.bot.resource.Resources;
import es.kompanion.bot.user.Department;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The FAQ pages through the real filter chain on MariaDB, signed in as an admin.
 */
@SpringBootTest
@AutoConfigureMockMvc
class FaqPagesIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Resources resources;

	@Autowired
	private JdbcTemplate jdbc;

	private final String actor = "admin-" + UUID.randomUUID() + "@kompanion.test";

	@Test
	void listsTheEntriesOfOneDepartmentAndLanguage() throws Exception {
		String tag = UUID.randomUUID().toString();
		this.resources.addFaqEntry(new FaqDraft(Department.LABOUR, "en", tag + " payslips?", "Answer", 10));
		this.resources.addFaqEntry(new FaqDraft(Department.LABOUR, "es", tag + " nóminas?", "Respuesta", 10));
		this.resources.addFaqEntry(new FaqDraft(Department.OTHER, "en", tag + " other?", "Answer", 10));

		this.mvc.perform(get("/faq").param("department", "LABOUR").param("language", "en").with(admin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(tag + " payslips?")))
			.andExpect(content().string(not(containsString(tag + " nóminas?"))))
			.andExpect(content().string(not(containsString(tag + " other?"))));
	}

	@Test
	void createsEditsMovesAndDeletesAnEntryWithAnAuditTrail() throws Exception {
		String question = "¿Cuándo llega el modelo 145? " + UUID.randomUUID();

		this.mvc
			.perform(post("/faq").with(admin())
				.with(csrf())
				.param("department", "LABOUR")
				.param("language", "es")
				.param("question", question)
				.param("answer", "Te lo pedimos al dar de alta a cada persona.")
				.param("position", "70"))
			.andExpect(redirectedUrl("/faq?department=LABOUR&language=es"));
		FaqEntry entry = find(question);
		this.mvc
			.perform(post("/faq/" + entry.getId()).with(admin())
				.with(csrf())
				.param("department", "LABOUR")
				.param("language", "es")
				.param("question", question)
				.param("answer", "Lo preparamos nosotros con el alta.")
				.param("position", "70"))
			.andExpect(redirectedUrl("/faq?department=LABOUR&language=es"));
		this.mvc
			.perform(post("/faq/" + entry.getId() + "/position").with(admin())
				.with(csrf())
				.param("position", "5")
				.param("listDepartment", "")
				.param("listLanguage", "es"))
			.andExpect(redirectedUrl("/faq?language=es"));
		FaqEntry moved = this.resources.findFaqEntry(entry.getId()).orElseThrow();
		this.mvc
			.perform(post("/faq/" + entry.getId() + "/delete").with(admin())
				.with(csrf())
				.param("listDepartment", "LABOUR")
				.param("listLanguage", ""))
			.andExpect(redirectedUrl("/faq?department=LABOUR"));

		assertThat(moved.getAnswer()).isEqualTo("Lo preparamos nosotros con el alta.");
		assertThat(moved.getPosition()).isEqualTo(5);
		assertThat(this.resources.findFaqEntry(entry.getId())).isEmpty();
		String target = "faq:" + entry.getId();
		assertThat(audited()).containsExactly(tuple("faq.created", target), tuple("faq.updated", target),
				tuple("faq.moved", target), tuple("faq.deleted", target));
	}

	@Test
	void deactivatedEntriesLeaveTheBotButStayListed() throws Exception {
		String question = "¿Oculta? " + UUID.randomUUID();
		FaqEntry entry = this.resources.addFaqEntry(new FaqDraft(Department.INTEGRATIONS, "es", question, "Sí", 99));

		this.mvc.perform(post("/faq/" + entry.getId() + "/deactivate").with(admin()).with(csrf()))
			.andExpect(redirectedUrl("/faq"));

		assertThat(this.resources.faq(Department.INTEGRATIONS, "es"))
			.noneMatch((f) -> f.getQuestion().equals(question));
		this.mvc.perform(get("/faq").param("department", "INTEGRATIONS").with(admin()))
			.andExpect(content().string(containsString(question)))
			.andExpect(content().string(containsString("Inactivo")));
		assertThat(audited()).containsExactly(tuple("faq.deactivated", "faq:" + entry.getId()));
	}

	@Test
	void refusesAnAnswerLongerThanFourThousandCharacters() throws Exception {
		String question = "¿Muy larga? " + UUID.randomUUID();

		this.mvc
			.perform(post("/faq").with(admin())
				.with(csrf())
				.param("department", "OTHER")
				.param("language", "es")
				.param("question", question)
				.param("answer", "a".repeat(4001))
				.param("position", "10"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Es demasiado largo.")));

		assertThat(this.resources.faqEntries(Department.OTHER, "es"))
			.noneMatch((f) -> f.getQuestion().equals(question));
	}

	@Test
	void refusesAPositionThatIsNotANumber() throws Exception {
		FaqEntry entry = this.resources
			.addFaqEntry(new FaqDraft(Department.OTHER, "en", "Order? " + UUID.randomUUID(), "Yes", 10));

		this.mvc.perform(post("/faq/" + entry.getId() + "/position").with(admin()).with(csrf()).param("position", "-3"))
			.andExpect(redirectedUrl("/faq"));

		assertThat(this.resources.findFaqEntry(entry.getId())).get().extracting(FaqEntry::getPosition).isEqualTo(10);
		assertThat(audited()).isEmpty();
	}

	@Test
	void offersANewEntryInTheDepartmentBeingViewed() throws Exception {
		this.mvc.perform(get("/faq/new").param("department", "INTEGRATIONS").param("language", "en").with(admin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<option value=\"INTEGRATIONS\" selected=\"selected\"")))
			.andExpect(content().string(containsString("<option value=\"en\" selected=\"selected\"")));
	}

	private FaqEntry find(String question) {
		return this.resources.faqEntries(null, null)
			.stream()
			.filter((f) -> f.getQuestion().equals(question))
			.findFirst()
			.orElseThrow();
	}

	private List<Tuple> audited() {
		return this.jdbc.query("SELECT action, target FROM audit_entry WHERE actor = ? ORDER BY id",
				(rs, i) -> tuple(rs.getString(1), rs.getString(2)), this.actor);
	}

	private RequestPostProcessor admin() {
		return user(this.actor).roles("ADMIN");
	}

}
