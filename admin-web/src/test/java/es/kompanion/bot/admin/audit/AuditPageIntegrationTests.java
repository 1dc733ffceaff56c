package es.kompanion.bot.admin.audit;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import es.kompanion.bot.audit.AuditLog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The audit log page through the real filter chain on MariaDB.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AuditPageIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private AuditLog audit;

	private final String actor = "auditor-" + UUID.randomUUID() + "@kompanion.test";

	@Test
	void showsTheNewestEntriesFirstAndFindsThemByActor() throws Exception {
		this.audit.record(this.actor, "client.created", "client:1", "alta desde el formulario");
		this.audit.record(this.actor, "client.updated", "client:1", "cambia: <nombre> & empresa");
		this.audit.record(this.actor, "staff.created", "staff:7", null);

		String page = search(this.actor, 0);

		assertThat(page.indexOf("staff.created")).isLessThan(page.indexOf("client.updated"));
		assertThat(page.indexOf("client.updated")).isLessThan(page.indexOf("client.created"));
		assertThat(page).contains("cambia: &lt;nombre&gt; &amp; empresa", "href=\"/staff/7\"", "href=\"/clients/1\"");
	}

	@Test
	void findsEntriesByTarget() throws Exception {
		String target = "client:" + UUID.randomUUID();
		this.audit.record(this.actor, "client.deactivated", target, null);

		assertThat(search(target.toUpperCase(), 0)).contains(this.actor, "client.deactivated");
		assertThat(search("nobody-" + UUID.randomUUID(), 0)).contains("No hay entradas con esta búsqueda.");
	}

	@Test
	void showsFiftyEntriesAPage() throws Exception {
		for (int i = 0; i < AuditController.PAGE_SIZE + 1; i++) {
			this.audit.record(this.actor, "client.updated", "client:" + i, "entrada " + i);
		}

		String first = search(this.actor, 0);
		String second = search(this.actor, 1);

		assertThat(first).contains("Página 1 de 2", "entrada 50", "entrada 1<").doesNotContain("entrada 0<");
		assertThat(second).contains("Página 2 de 2", "entrada 0<");
	}

	@Test
	void isOnlyForAdmins() throws Exception {
		this.mvc.perform(get("/audit").with(user(this.actor).roles("STAFF"))).andExpect(status().isForbidden());
		this.mvc.perform(get("/audit").with(user(this.actor).roles("ADMIN"))).andExpect(status().isOk());
	}

	private String search(String text, int page) throws Exception {
		return this.mvc
			.perform(get("/audit").with(user(this.actor).roles("ADMIN"))
				.param("q", text)
				.param("page", String.valueOf(page)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

}
