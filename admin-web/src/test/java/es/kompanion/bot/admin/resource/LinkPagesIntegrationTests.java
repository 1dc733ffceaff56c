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

import es.kompanion.bot.resource.LinkDraft;
import es.kompanion.bot.resource.LinkKind;
import es.kompanion.bot.resource.ResourceLink;
import es.kompanion.bot.resource.Resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The links page through the real filter chain on MariaDB, signed in as an admin; and the
 * resource pages closed to staff who are not admins.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LinkPagesIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Resources resources;

	@Autowired
	private JdbcTemplate jdbc;

	private final String actor = "admin-" + UUID.randomUUID() + "@kompanion.test";

	@Test
	void showsTheSeededAcademyLinksAsToBeChecked() throws Exception {
		this.mvc.perform(get("/resources").with(admin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("https://kompanion.es/academy")))
			.andExpect(content().string(containsString("Por revisar")))
			.andExpect(content().string(containsString("href=\"/faq\"")))
			.andExpect(content().string(containsString("href=\"/calendar\"")));
	}

	@Test
	void createsALinkAndAuditsIt() throws Exception {
		String title = "Guía " + UUID.randomUUID();

		this.mvc
			.perform(post("/resources").with(admin())
				.with(csrf())
				.param("kind", "OTHER")
				.param("titleEs", "  " + title + " ")
				.param("titleEn", title + " (en)")
				.param("url", "https://example.com/guia")
				.param("position", "40"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/resources"));

		ResourceLink link = find(title);
		assertThat(link.getKind()).isEqualTo(LinkKind.OTHER);
		assertThat(link.getUrl()).isEqualTo("https://example.com/guia");
		assertThat(link.getPosition()).isEqualTo(40);
		assertThat(link.isActive()).isTrue();
		assertThat(link.isNeedsReview()).isFalse();
		assertThat(audited()).containsExactly(tuple("resource.created", "resource:" + link.getId()));
	}

	@Test
	void refusesAnAddressThatIsNotAWebPage() throws Exception {
		String title = "Trampa " + UUID.randomUUID();

		this.mvc
			.perform(post("/resources").with(admin())
				.with(csrf())
				.param("kind", "OTHER")
				.param("titleEs", title)
				.param("titleEn", title)
				.param("url", "javascript:alert(1)")
				.param("position", "abc"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Tiene que ser una dirección completa")))
			.andExpect(content().string(containsString("La posición tiene que ser un número")));

		assertThat(this.resources.links()).noneMatch((l) -> l.getTitleEs().equals(title));
		assertThat(audited()).isEmpty();
	}

	@Test
	void editsDeactivatesAndActivatesALink() throws Exception {
		String title = "Enlace " + UUID.randomUUID();
		ResourceLink link = this.resources
			.addLink(new LinkDraft(LinkKind.OTHER, title, title, "https://example.com/a", 50));

		this.mvc
			.perform(post("/resources/" + link.getId()).with(admin())
				.with(csrf())
				.param("kind", "HOLDED_ACADEMY")
				.param("titleEs", title)
				.param("titleEn", "Holded tutorials")
				.param("url", "https://academy.example.com/holded")
				.param("position", "55"))
			.andExpect(redirectedUrl("/resources"));
		this.mvc.perform(post("/resources/" + link.getId() + "/deactivate").with(admin()).with(csrf()))
			.andExpect(redirectedUrl("/resources"));
		boolean offeredWhileInactive = this.resources.activeLinks(LinkKind.HOLDED_ACADEMY)
			.stream()
			.anyMatch((l) -> l.getId().equals(link.getId()));
		this.mvc.perform(post("/resources/" + link.getId() + "/activate").with(admin()).with(csrf()))
			.andExpect(redirectedUrl("/resources"));

		ResourceLink saved = this.resources.findLink(link.getId()).orElseThrow();
		assertThat(saved.getKind()).isEqualTo(LinkKind.HOLDED_ACADEMY);
		assertThat(saved.title("en")).isEqualTo("Holded tutorials");
		assertThat(saved.getUrl()).isEqualTo("https://academy.example.com/holded");
		assertThat(saved.isActive()).isTrue();
		assertThat(offeredWhileInactive).isFalse();
		String target = "resource:" + link.getId();
		assertThat(audited()).containsExactly(tuple("resource.updated", target), tuple("resource.deactivated", target),
				tuple("resource.reactivated", target));
	}

	@Test
	void showsTheEditFormOfALink() throws Exception {
		String title = "Formulario " + UUID.randomUUID();
		ResourceLink link = this.resources
			.addLink(new LinkDraft(LinkKind.ACADEMY, title, "Form", "https://example.com/f", 60));

		this.mvc.perform(get("/resources/" + link.getId()).with(admin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"" + title + "\"")))
			.andExpect(content().string(containsString("action=\"/resources/" + link.getId() + "\"")))
			.andExpect(content().string(containsString("name=\"_csrf\"")))
			.andExpect(content().string(not(containsString("style="))));
	}

	@Test
	void answersNotFoundForALinkThatDoesNotExist() throws Exception {
		this.mvc.perform(get("/resources/987654321987").with(admin())).andExpect(status().isNotFound());
		this.mvc.perform(post("/resources/987654321987/deactivate").with(admin()).with(csrf()))
			.andExpect(status().isNotFound());
	}

	@Test
	void keepsStaffWhoAreNotAdminsOutOfTheResourcePages() throws Exception {
		RequestPostProcessor staff = user("staff-" + UUID.randomUUID() + "@kompanion.test").roles("STAFF");

		for (String page : List.of("/resources", "/resources/new", "/faq", "/faq/new", "/calendar", "/calendar/new",
				"/calendar/import")) {
			this.mvc.perform(get(page).with(staff)).andExpect(status().isForbidden());
		}
		this.mvc
			.perform(post("/resources").with(staff)
				.with(csrf())
				.param("kind", "OTHER")
				.param("titleEs", "x")
				.param("titleEn", "x")
				.param("url", "https://example.com")
				.param("position", "1"))
			.andExpect(status().isForbidden());
		this.mvc.perform(multipart("/calendar/import").with(staff).with(csrf())).andExpect(status().isForbidden());
	}

	@Test
	void sendsVisitorsWhoAreNotSignedInToTheLoginPage() throws Exception {
		this.mvc.perform(get("/resources")).andExpect(redirectedUrl("/login"));
	}

	@Test
	void refusesAChangeWithoutTheCsrfToken() throws Exception {
		this.mvc
			.perform(post("/resources").with(admin())
				.param("kind", "OTHER")
				.param("titleEs", "x")
				.param("titleEn", "x")
				.param("url", "https://example.com")
				.param("position", "1"))
			.andExpect(redirectedUrl("/resources?formExpired"));
	}

	private ResourceLink find(String title) {
		return this.resources.links().stream().filter((l) -> l.getTitleEs().equals(title)).findFirst().orElseThrow();
	}

	private List<Tuple> audited() {
		return this.jdbc.query("SELECT action, target FROM audit_entry WHERE actor = ? ORDER BY id",
				(rs, i) -> tuple(rs.getString(1), rs.getString(2)), this.actor);
	}

	private RequestPostProcessor admin() {
		return user(this.actor).roles("ADMIN");
	}

}
