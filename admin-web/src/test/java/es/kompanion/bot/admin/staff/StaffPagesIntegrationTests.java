package es.kompanion.bot.admin.staff;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import es.kompanion.bot.audit.AuditEntry;
import es.kompanion.bot.audit.AuditLog;
import es.kompanion.bot.user.Department;
import es.kompanion.bot.user.Staff;
import es.kompanion.bot.user.StaffDetails;
import es.kompanion.bot.user.StaffMembers;
import es.kompanion.bot.user.StaffRepository;
import es.kompanion.bot.user.StaffRole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The staff pages through the real filter chain on MariaDB, signed in as an admin who is
 * registered staff.
 */
@SpringBootTest
@AutoConfigureMockMvc
class StaffPagesIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private StaffMembers staff;

	@Autowired
	private StaffRepository repository;

	@Autowired
	private PasswordEncoder passwords;

	@Autowired
	private AuditLog audit;

	private Staff admin;

	@BeforeEach
	void registerTheAdmin() {
		this.admin = this.staff.add(new StaffDetails("Admin de prueba", uniqueEmail(), null, StaffRole.ADMIN,
				EnumSet.noneOf(Department.class), true));
	}

	@Test
	void addsAStaffMemberWithSlackUserRoleAndDepartments() throws Exception {
		String email = uniqueEmail();
		String slackUserId = uniqueSlackUserId();

		MvcResult result = this.mvc
			.perform(post("/staff").with(admin())
				.with(csrf())
				.param("fullName", "Marta Ruiz")
				.param("email", email)
				.param("slackUserId", " " + slackUserId.toLowerCase(Locale.ROOT) + " ")
				.param("role", "STAFF")
				.param("departments", "LABOUR", "ACCOUNTING_TAX")
				.param("active", "true"))
			.andExpect(status().is3xxRedirection())
			.andReturn();

		Staff marta = this.repository.findByEmail(email).orElseThrow();
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/staff/" + marta.getId());
		assertThat(marta.getFullName()).isEqualTo("Marta Ruiz");
		assertThat(marta.getSlackUserId()).isEqualTo(slackUserId);
		assertThat(marta.getRole()).isEqualTo(StaffRole.STAFF);
		assertThat(marta.getDepartments()).containsExactlyInAnyOrder(Department.LABOUR, Department.ACCOUNTING_TAX);
		assertThat(marta.isActive()).isTrue();
		assertThat(marta.getPasswordHash()).isNull();
		assertThat(entries()).singleElement().satisfies((entry) -> {
			assertThat(entry.getAction()).isEqualTo("staff.created");
			assertThat(entry.getTarget()).isEqualTo("staff:" + marta.getId());
		});
		assertThat(page("/staff")).contains("Marta Ruiz", slackUserId, "Laboral", "Sin contraseña");
	}

	@Test
	void refusesASlackUserIdThatIsMalformedOrTaken() throws Exception {
		String slackUserId = uniqueSlackUserId();
		Staff marta = member("Marta Ruiz", slackUserId, StaffRole.STAFF);

		String malformed = form(post("/staff"), "Luis", uniqueEmail(), "C0STAFF", "STAFF", true);
		String taken = form(post("/staff"), "Luis", uniqueEmail(), slackUserId, "STAFF", true);

		assertThat(malformed).contains("El usuario de Slack empieza por U");
		assertThat(taken).contains("Este usuario de Slack ya está asignado a otra persona del equipo.");
		assertThat(this.repository.findBySlackUserId(slackUserId))
			.hasValueSatisfying((found) -> assertThat(found.getId()).isEqualTo(marta.getId()));
		assertThat(entries()).isEmpty();
	}

	@Test
	void refusesAnEmailAnotherStaffMemberHas() throws Exception {
		Staff marta = member("Marta Ruiz", null, StaffRole.STAFF);

		String page = form(post("/staff"), "Otra Marta", marta.getEmail().toUpperCase(Locale.ROOT), "", "STAFF", true);

		assertThat(page).contains("Ya hay otra persona del equipo con este email.");
	}

	@Test
	void editsAStaffMember() throws Exception {
		Staff marta = member("Marta Ruiz", null, StaffRole.STAFF);
		String slackUserId = uniqueSlackUserId();

		this.mvc
			.perform(post("/staff/{id}", marta.getId()).with(admin())
				.with(csrf())
				.param("fullName", "Marta Ruiz Gil")
				.param("email", marta.getEmail())
				.param("slackUserId", slackUserId)
				.param("role", "ADMIN")
				.param("departments", "INTEGRATIONS"))
			.andExpect(redirectedUrl("/staff/" + marta.getId()));

		Staff edited = this.repository.findById(marta.getId()).orElseThrow();
		assertThat(edited.getFullName()).isEqualTo("Marta Ruiz Gil");
		assertThat(edited.getSlackUserId()).isEqualTo(slackUserId);
		assertThat(edited.getRole()).isEqualTo(StaffRole.ADMIN);
		assertThat(edited.getDepartments()).containsExactly(Department.INTEGRATIONS);
		assertThat(edited.isActive()).isFalse();
		assertThat(entries()).singleElement()
			.satisfies((entry) -> assertThat(entry.getDetails())
				.isEqualTo("cambia: nombre, slack, rol ADMIN, departamentos, desactivado"));
	}

	@Test
	void setsATemporaryPasswordAndShowsItOnce() throws Exception {
		Staff marta = member("Marta Ruiz", null, StaffRole.STAFF);

		MvcResult issued = this.mvc
			.perform(post("/staff/{id}/temporary-password", marta.getId()).with(admin()).with(csrf()))
			.andExpect(redirectedUrl("/staff/" + marta.getId()))
			.andReturn();
		String password = (String) issued.getFlashMap().get("temporaryPassword");

		assertThat(password).hasSize(StaffChanges.TEMPORARY_PASSWORD_LENGTH);
		Staff stored = this.repository.findById(marta.getId()).orElseThrow();
		assertThat(this.passwords.matches(password, stored.getPasswordHash())).isTrue();
		assertThat(stored.isPasswordChangeRequired()).isTrue();
		String shown = this.mvc
			.perform(get("/staff/{id}", marta.getId()).with(admin()).flashAttrs(issued.getFlashMap()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(shown).contains("value=\"" + password + "\"", "data-copy-label");
		assertThat(page("/staff/" + marta.getId())).doesNotContain(password);
		assertThat(entries()).singleElement().satisfies((entry) -> {
			assertThat(entry.getAction()).isEqualTo("staff.temporary-password");
			assertThat(entry.getDetails()).isNull();
		});
	}

	@Test
	void refusesToLetAnAdminDemoteThemselves() throws Exception {
		String page = form(post("/staff/{id}", this.admin.getId()), this.admin.getFullName(), this.admin.getEmail(), "",
				"STAFF", true);

		assertThat(page).contains("No puedes quitarte el rol de administrador ni desactivarte a ti mismo");
		assertThat(this.repository.findById(this.admin.getId()).orElseThrow().getRole()).isEqualTo(StaffRole.ADMIN);
		assertThat(entries()).isEmpty();
	}

	@Test
	void refusesToLetAnAdminDeactivateThemselves() throws Exception {
		String page = form(post("/staff/{id}", this.admin.getId()), this.admin.getFullName(), this.admin.getEmail(), "",
				"ADMIN", false);

		assertThat(page).contains("No puedes quitarte el rol de administrador ni desactivarte a ti mismo");
		assertThat(this.repository.findById(this.admin.getId()).orElseThrow().isActive()).isTrue();
	}

	@Test
	void letsAnAdminChangeTheirOwnName() throws Exception {
		this.mvc
			.perform(post("/staff/{id}", this.admin.getId()).with(admin())
				.with(csrf())
				.param("fullName", "Admin Renombrado")
				.param("email", this.admin.getEmail())
				.param("role", "ADMIN")
				.param("active", "true"))
			.andExpect(redirectedUrl("/staff/" + this.admin.getId()));

		assertThat(this.repository.findById(this.admin.getId()).orElseThrow().getFullName())
			.isEqualTo("Admin Renombrado");
	}

	@Test
	void keepsStaffOutOfAdminPages() throws Exception {
		RequestPostProcessor staff = user(uniqueEmail()).roles("STAFF");

		this.mvc.perform(get("/staff").with(staff)).andExpect(status().isForbidden());
		this.mvc.perform(get("/staff/{id}", this.admin.getId()).with(staff)).andExpect(status().isForbidden());
		this.mvc.perform(post("/staff").with(staff).with(csrf()).param("fullName", "Intruso"))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/audit").with(staff)).andExpect(status().isForbidden());
		this.mvc.perform(get("/clients/import").with(staff)).andExpect(status().isForbidden());
		this.mvc.perform(get("/clients").with(staff)).andExpect(status().isOk());
	}

	@Test
	void answersNotFoundForUnknownStaff() throws Exception {
		this.mvc.perform(get("/staff/{id}", Long.MAX_VALUE).with(admin())).andExpect(status().isNotFound());
	}

	private Staff member(String name, @Nullable String slackUserId, StaffRole role) {
		return this.staff
			.add(new StaffDetails(name, uniqueEmail(), slackUserId, role, Set.of(Department.LABOUR), true));
	}

	private String form(MockHttpServletRequestBuilder request, String name, String email, String slackUserId,
			String role, boolean active) throws Exception {
		request.with(admin())
			.with(csrf())
			.param("fullName", name)
			.param("email", email)
			.param("slackUserId", slackUserId)
			.param("role", role);
		if (active) {
			request.param("active", "true");
		}
		return this.mvc.perform(request)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private String page(String url) throws Exception {
		return this.mvc.perform(get(url).with(admin()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private List<AuditEntry> entries() {
		return this.audit.recent(this.admin.getEmail(), PageRequest.of(0, 50)).getContent();
	}

	private RequestPostProcessor admin() {
		return user(this.admin.getEmail()).roles("ADMIN");
	}

	private static String uniqueEmail() {
		return "staff-" + UUID.randomUUID() + "@kompanion.test";
	}

	private static String uniqueSlackUserId() {
		return "U" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase(Locale.ROOT);
	}

}
