package es.kompanion.bot;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin web in a real browser (Debian's headless Chromium), on the whole application
 * with its embedded database and no chat tokens, as a newcomer meets it after the
 * README's run command. Saves screenshots of the main pages under
 * {@code docs/screenshots}.
 */
class AdminBrowserIntegrationTests {

	private static final String ADMIN = "admin@kompanion.test";

	private static final String PASSWORD = "browser-test-password";

	private static ConfigurableApplicationContext app;

	private static Browser browser;

	@BeforeAll
	static void startApplicationAndBrowser() {
		app = new SpringApplicationBuilder(KompanionBotApplication.class).run("--server.port=0",
				"--spring.datasource.url=jdbc:h2:mem:browser;MODE=MySQL;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=VALUE",
				"--kompanion.admin.email=" + ADMIN, "--kompanion.admin.password=" + PASSWORD,
				"--kompanion.admin.telegram-bot-username=kompanion_test_bot",
				"--kompanion.core.outbox.poll-interval=200ms");
		String port = app.getEnvironment().getProperty("local.server.port");
		browser = new Browser("http://localhost:" + port);
	}

	@AfterAll
	static void stop() {
		if (browser != null) {
			browser.close();
		}
		if (app != null) {
			app.close();
		}
	}

	@Test
	void signsInAndSeesTheDay() throws Exception {
		browser.open("/");
		assertThat(browser.currentPath()).startsWith("/login");
		browser.screenshot("01-login");

		browser.type(By.id("email"), ADMIN);
		browser.type(By.id("password"), PASSWORD);
		browser.click(By.cssSelector("form.form button[type=submit]"));

		browser.await((driver) -> !browser.currentPath().startsWith("/login"));
		assertThat(browser.mainText()).contains("Hoy", "abiertas", "pendientes del cliente", "cerradas");
		browser.screenshot("02-home");
	}

}
