package es.kompanion.bot.admin.staff;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import es.kompanion.bot.user.Department;
import es.kompanion.bot.user.Staff;
import es.kompanion.bot.user.StaffDetails;
import es.kompanion.bot.user.StaffMembers;
import es.kompanion.bot.user.StaffRepository;
import es.kompanion.bot.user.StaffRole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The last active admin is protected even from another admin whose session outlived their
 * own admin role. It needs a database where the first admin is the only admin, so it runs
 * on its own in-memory H2 (MySQL mode), never on the shared MariaDB.
 */
@SpringBootTest(properties = {
		"spring.datasource.url=jdbc:h2:mem:last-admin;MODE=MySQL;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=VALUE;"
				+ "DB_CLOSE_DELAY=-1",
		"spring.datasource.username=sa", "spring.datasource.password=",
		"spring.jpa.database-platform=org.hibernate.dialect.H2Dialect", "kompanion.admin.email=first@kompanion.test" })
@AutoConfigureMockMvc
class LastAdminIntegrationTests {

	private static final String FORMER_ADMIN = "former-admin@kompanion.test";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private StaffMembers staff;

	@Autowired
	private StaffRepository repository;

	@Test
	void refusesToDemoteTheLastActiveAdmin() throws Exception {
		Staff first = onlyAdmin();

		String page = change(first, StaffRole.STAFF, true);

		assertThat(page).contains("es el último administrador activo");
		assertThat(this.repository.findById(first.getId()).orElseThrow().getRole()).isEqualTo(StaffRole.ADMIN);
	}

	@Test
	void refusesToDeactivateTheLastActiveAdmin() throws Exception {
		Staff first = onlyAdmin();

		String page = change(first, StaffRole.ADMIN, false);

		assertThat(page).contains("es el último administrador activo");
		assertThat(this.repository.findById(first.getId()).orElseThrow().isActive()).isTrue();
	}

	@Test
	void demotesAnAdminWhileAnotherActiveAdminRemains() throws Exception {
		Staff first = onlyAdmin();
		Staff second = this.staff.add(new StaffDetails("Segunda", "second@kompanion.test", null, StaffRole.ADMIN,
				EnumSet.noneOf(Department.class), true));

		this.mvc
			.perform(post("/staff/{id}", second.getId()).with(formerAdmin())
				.with(csrf())
				.param("fullName", second.getFullName())
				.param("email", second.getEmail())
				.param("role", "STAFF")
				.param("active", "true"))
			.andExpect(redirectedUrl("/staff/" + second.getId()));

		assertThat(this.repository.findById(second.getId()).orElseThrow().getRole()).isEqualTo(StaffRole.STAFF);
		assertThat(this.repository.findById(first.getId()).orElseThrow().getRole()).isEqualTo(StaffRole.ADMIN);
	}

	/**
	 * The first admin, created at start-up, as the only active admin; and a staff member
	 * who used to be an admin and is still signed in as one.
	 */
	private Staff onlyAdmin() {
		if (this.repository.findByEmail(FORMER_ADMIN).isEmpty()) {
			this.staff.add(new StaffDetails("Antes admin", FORMER_ADMIN, null, StaffRole.STAFF,
					EnumSet.noneOf(Department.class), true));
		}
		List<Staff> admins = this.repository.findAll()
			.stream()
			.filter((member) -> member.isActive() && member.getRole() == StaffRole.ADMIN)
			.toList();
		assertThat(admins).singleElement()
			.satisfies((admin) -> assertThat(admin.getEmail()).isEqualTo("first@kompanion.test"));
		return admins.get(0);
	}

	private String change(Staff member, StaffRole role, boolean active) throws Exception {
		MockHttpServletRequestBuilder request = post("/staff/{id}", member.getId()).with(formerAdmin())
			.with(csrf())
			.param("fullName", member.getFullName())
			.param("email", member.getEmail())
			.param("role", role.name());
		if (active) {
			request.param("active", "true");
		}
		return this.mvc.perform(request)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private static RequestPostProcessor formerAdmin() {
		return user(FORMER_ADMIN).roles("ADMIN");
	}

}
