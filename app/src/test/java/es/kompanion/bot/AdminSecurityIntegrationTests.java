package es.kompanion.bot;

import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import es.kompanion.bot.user.Department;
import es.kompanion.bot.user.Staff;
import es.kompanion.bot.user.StaffRepository;
import es.kompanion.bot.user.StaffRole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The admin web's doors, through the real filter chain: nothing but sign-in without a
 * session, admin pages closed to staff, CSRF on every form, password guessing throttled,
 * one-time passwords replaced before anything else, no internals on error pages, and
 * platform callbacks never sent to the login page.
 */
@SpringBootTest(properties = {
		"spring.datasource.url=jdbc:h2:mem:security;MODE=MySQL;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=VALUE",
		"kompanion.admin.email=boss@kompanion.test", "kompanion.admin.password=correct-horse-battery",
		"kompanion.admin.max-failed-logins=3" })
@AutoConfigureMockMvc
class AdminSecurityIntegrationTests {

	private static final List<String> PAGES = List.of("/", "/tickets", "/tickets/1", "/clients", "/clients/1",
			"/clients/import", "/satisfaction", "/satisfaction/export.csv", "/try", "/staff", "/audit", "/resources",
			"/calendar", "/faq", "/account/password");

	private static final List<String> ADMIN_PAGES = List.of("/staff", "/staff/new", "/audit", "/resources", "/calendar",
			"/calendar/import", "/faq");

	@Autowired
	private MockMvc mvc;

	@Autowired
	private StaffRepository staff;

	@Autowired
	private PasswordEncoder passwords;

	@Test
	void sendsAnonymousVisitorsToSignInFromEveryPage() throws Exception {
		for (String page : PAGES) {
			MvcResult result = this.mvc.perform(get(page)).andReturn();

			assertThat(result.getResponse().getStatus()).as(page).isEqualTo(302);
			assertThat(result.getResponse().getRedirectedUrl()).as(page).endsWith("/login");
		}
	}

	@Test
	void showsTheSignInPageAndItsStylesToAnyone() throws Exception {
		MvcResult login = this.mvc.perform(get("/login")).andReturn();
		MvcResult styles = this.mvc.perform(get("/admin/admin.css")).andReturn();

		assertThat(login.getResponse().getStatus()).isEqualTo(200);
		assertThat(login.getResponse().getContentAsString()).contains("Entrar", "name=\"_csrf\"");
		assertThat(login.getResponse().getHeader("Content-Security-Policy")).contains("script-src 'self'");
		assertThat(styles.getResponse().getStatus()).isEqualTo(200);
	}

	@Test
	void keepsAdminPagesFromStaff() throws Exception {
		for (String page : ADMIN_PAGES) {
			int status = this.mvc.perform(get(page).with(user("eva@kompanion.test").roles("STAFF")))
				.andReturn()
				.getResponse()
				.getStatus();

			assertThat(status).as(page).isEqualTo(403);
		}
	}

	@Test
	void sendsFormsWithoutCsrfTokenBackUnprocessedAndRefusesScripts() throws Exception {
		String email = newStaff(StaffRole.STAFF, "csrf-password-123", false);
		MockHttpSession session = signIn(email, "csrf-password-123");

		MvcResult form = this.mvc
			.perform(post("/account/password").session(session)
				.param("current", "csrf-password-123")
				.param("password", "attacker-chosen-1")
				.param("confirmation", "attacker-chosen-1"))
			.andReturn();
		MvcResult logout = this.mvc.perform(post("/logout").session(session)).andReturn();
		MvcResult script = this.mvc
			.perform(post("/try/send").session(session).contentType("application/json").content("{\"text\":\"hola\"}"))
			.andReturn();

		assertThat(form.getResponse().getRedirectedUrl()).isEqualTo("/account/password?formExpired");
		assertThat(logout.getResponse().getRedirectedUrl()).isEqualTo("/logout?formExpired");
		assertThat(script.getResponse().getStatus()).isEqualTo(403);
		assertThat(this.passwords.matches("csrf-password-123",
				this.staff.findByEmail(email).orElseThrow().getPasswordHash()))
			.isTrue();
		assertThat(this.mvc.perform(get("/").session(session)).andReturn().getResponse().getStatus()).isEqualTo(200);
	}

	@Test
	void refusesAPasswordOfFewDifferentCharacters() throws Exception {
		String email = newStaff(StaffRole.STAFF, "first-password-1", false);
		MockHttpSession session = signIn(email, "first-password-1");

		MvcResult weak = this.mvc
			.perform(post("/account/password").session(session)
				.with(csrf())
				.param("current", "first-password-1")
				.param("password", "aaaaaaaaaaaa")
				.param("confirmation", "aaaaaaaaaaaa"))
			.andReturn();

		assertThat(weak.getResponse().getContentAsString()).contains("demasiado fácil");
		assertThat(this.passwords.matches("first-password-1",
				this.staff.findByEmail(email).orElseThrow().getPasswordHash()))
			.isTrue();
	}

	@Test
	void answersAPageNumberFarBeyondTheEndWithAnEmptyList() throws Exception {
		MvcResult far = this.mvc
			.perform(get("/clients").param("page", "2147483647").with(user("boss@kompanion.test").roles("ADMIN")))
			.andReturn();

		assertThat(far.getResponse().getStatus()).isEqualTo(200);
	}

	@Test
	void signsInTheConfiguredAdminAndNobodyWithAWrongPassword() throws Exception {
		MvcResult right = this.mvc
			.perform(formLogin("/login").userParameter("email")
				.user("boss@kompanion.test")
				.password("correct-horse-battery"))
			.andReturn();
		MvcResult wrong = this.mvc
			.perform(formLogin("/login").userParameter("email").user("boss@kompanion.test").password("guess"))
			.andReturn();
		MvcResult nobody = this.mvc
			.perform(formLogin("/login").userParameter("email").user("nobody@kompanion.test").password("guess"))
			.andReturn();

		assertThat(right.getResponse().getRedirectedUrl()).isEqualTo("/");
		assertThat(wrong.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
		assertThat(nobody.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
	}

	@Test
	void throttlesPasswordGuessingEvenWhenTheRightPasswordFollows() throws Exception {
		String email = newStaff(StaffRole.STAFF, "right-password-123", false);
		for (int i = 0; i < 3; i++) {
			this.mvc.perform(formLogin("/login").userParameter("email").user(email).password("guess-" + i));
		}

		MvcResult right = this.mvc
			.perform(formLogin("/login").userParameter("email").user(email).password("right-password-123"))
			.andReturn();

		assertThat(right.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
	}

	@Test
	void makesAOneTimePasswordBeReplacedBeforeAnythingElse() throws Exception {
		String email = newStaff(StaffRole.STAFF, "one-time-password-1", true);
		MvcResult login = this.mvc
			.perform(formLogin("/login").userParameter("email").user(email).password("one-time-password-1"))
			.andReturn();
		MockHttpSession session = (MockHttpSession) login.getRequest().getSession();

		MvcResult home = this.mvc.perform(get("/").session(session)).andReturn();
		MvcResult change = this.mvc
			.perform(post("/account/password").session(session)
				.with(csrf())
				.param("current", "one-time-password-1")
				.param("password", "my-own-long-password")
				.param("confirmation", "my-own-long-password"))
			.andReturn();
		MvcResult after = this.mvc.perform(get("/").session(session)).andReturn();

		assertThat(home.getResponse().getRedirectedUrl()).isEqualTo("/account/password");
		assertThat(change.getResponse().getRedirectedUrl()).isEqualTo("/");
		assertThat(after.getResponse().getStatus()).isEqualTo(200);
	}

	@Test
	void endsASignedInSessionWhenTheAccountIsDemotedDeactivatedOrGetsANewPassword() throws Exception {
		String demoted = newStaff(StaffRole.ADMIN, "admin-password-123", false);
		String deactivated = newStaff(StaffRole.STAFF, "staff-password-123", false);
		String repassworded = newStaff(StaffRole.STAFF, "staff-password-456", false);
		MockHttpSession demotedSession = signIn(demoted, "admin-password-123");
		MockHttpSession deactivatedSession = signIn(deactivated, "staff-password-123");
		MockHttpSession repasswordedSession = signIn(repassworded, "staff-password-456");
		assertThat(this.mvc.perform(get("/staff").session(demotedSession)).andReturn().getResponse().getStatus())
			.isEqualTo(200);

		change(demoted, (member) -> member.describe(member.getFullName(), member.getEmail(), null, StaffRole.STAFF,
				member.getDepartments()));
		change(deactivated, Staff::deactivate);
		change(repassworded, (member) -> member.usePassword(this.passwords.encode("set-by-an-admin-1"), true));

		for (MockHttpSession session : List.of(demotedSession, deactivatedSession, repasswordedSession)) {
			MvcResult after = this.mvc.perform(get("/staff").session(session)).andReturn();
			assertThat(after.getResponse().getRedirectedUrl()).isEqualTo("/login?expired");
			assertThat(session.isInvalid()).isTrue();
		}
	}

	@Test
	void keepsTheSessionOfSomebodyWhoChangesTheirOwnPassword() throws Exception {
		String email = newStaff(StaffRole.STAFF, "old-password-1234", false);
		MockHttpSession session = signIn(email, "old-password-1234");

		this.mvc.perform(post("/account/password").session(session)
			.with(csrf())
			.param("current", "old-password-1234")
			.param("password", "new-password-1234")
			.param("confirmation", "new-password-1234"));

		assertThat(this.mvc.perform(get("/").session(session)).andReturn().getResponse().getStatus()).isEqualTo(200);
	}

	@Test
	void showsNoInternalsOnErrorPages() throws Exception {
		MvcResult missing = this.mvc
			.perform(get("/no-such-page").with(user("boss@kompanion.test").roles("ADMIN")).accept("text/html"))
			.andReturn();

		assertThat(missing.getResponse().getStatus()).isEqualTo(404);
		assertThat(missing.getResponse().getContentAsString()).doesNotContain("Exception", "at es.", "java.",
				"Whitelabel");
	}

	@Test
	void neverSendsPlatformCallbacksToTheSignInPage() throws Exception {
		MvcResult telegram = this.mvc.perform(post("/telegram/webhook").content("{}")).andReturn();
		MvcResult slack = this.mvc
			.perform(post("/slack/events").contentType("application/x-www-form-urlencoded").content("payload=%7B%7D"))
			.andReturn();
		MvcResult health = this.mvc.perform(get("/actuator/health")).andReturn();

		assertThat(telegram.getResponse().getStatus()).isNotIn(302, 403);
		assertThat(slack.getResponse().getStatus()).isNotIn(302, 403);
		assertThat(health.getResponse().getStatus()).isEqualTo(200);
	}

	private MockHttpSession signIn(String email, String password) throws Exception {
		MvcResult login = this.mvc.perform(formLogin("/login").userParameter("email").user(email).password(password))
			.andReturn();
		assertThat(login.getResponse().getRedirectedUrl()).isEqualTo("/");
		return (MockHttpSession) login.getRequest().getSession();
	}

	private void change(String email, java.util.function.Consumer<Staff> change) {
		Staff member = this.staff.findByEmail(email).orElseThrow();
		change.accept(member);
		this.staff.save(member);
	}

	private String newStaff(StaffRole role, String password, boolean temporary) {
		String email = "staff-" + UUID.randomUUID().toString().substring(0, 8) + "@kompanion.test";
		Staff member = new Staff("Eva Gómez", email, role, EnumSet.of(Department.LABOUR));
		member.usePassword(this.passwords.encode(password), temporary);
		this.staff.save(member);
		return email;
	}

}
