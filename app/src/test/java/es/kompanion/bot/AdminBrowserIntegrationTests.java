package es.kompanion.bot;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin web in a real browser (Debian's headless Chromium), on the whole application
 * with its embedded database and no chat tokens, as a newcomer meets it after the
 * README's run command. The tests are one story in order: sign in, register a client and
 * copy its invitation, add a resource and a deadline, open a ticket in the web chat,
 * answer and close it from its page, rate it in the chat, and see the rating in the
 * chart. Saves screenshots of the main pages under {@code docs/screenshots}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
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
	@Order(1)
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

	@Test
	@Order(2)
	void createsAClientAndCopiesItsInvitationLink() throws Exception {
		browser.open("/clients/new");
		browser.type(By.id("email"), "lucia@garcia-asesores.es");
		browser.type(By.id("fullName"), "Lucía García");
		browser.type(By.id("company"), "García Asesores SL");
		browser.click(By.cssSelector("main form.form button[type=submit]"));
		browser.await((driver) -> browser.currentPath().matches("/clients/\\d+.*"));

		browser.click(By.xpath("//button[normalize-space()='Crear invitación']"));
		WebElement link = browser.find(By.id("invitation"));
		assertThat(link.getAttribute("value"))
			.matches("https://t\\.me/kompanion_test_bot\\?start=[A-Za-z0-9_-]{20,64}");
		browser.click(By.xpath("//input[@id='invitation']/following-sibling::button"));
		browser.screenshot("03-client-invitation");

		browser.open("/clients");
		assertThat(browser.mainText()).contains("Lucía García", "García Asesores SL");
		browser.screenshot("04-clients");
	}

	@Test
	@Order(3)
	void addsAResourceAndAFiscalDeadline() throws Exception {
		browser.open("/resources/new");
		browser.type(By.id("titleEs"), "Guía de la renta 2026");
		browser.type(By.id("titleEn"), "2026 income tax guide");
		browser.type(By.id("url"), "https://kompanion.es/academy/renta-2026");
		browser.click(By.cssSelector("main form.form button[type=submit]"));
		browser.await((driver) -> browser.mainText().contains("Guía de la renta 2026"));
		browser.screenshot("05-resources");

		browser.open("/calendar/new");
		browser.setValue(By.id("dueDate"), "2027-06-30");
		browser.type(By.id("taxForm"), "Modelo 100");
		browser.type(By.id("titleEs"), "Declaración de la renta 2026");
		browser.type(By.id("titleEn"), "2026 income tax return");
		browser.click(By.cssSelector("main form.form button[type=submit]"));
		browser.open("/calendar?year=2027");
		assertThat(browser.mainText()).contains("Modelo 100", "Declaración de la renta 2026");
		browser.screenshot("06-calendar");
	}

	@Test
	@Order(4)
	void opensATicketInTheWebChatAnswersItClosesItAndRatesIt() throws Exception {
		browser.open("/try");
		browser.awaitBubble("¿En qué te ayudamos?");
		browser.click(By.xpath("//div[contains(@class,'bubble')]//button[contains(.,'Nueva consulta')]"));
		browser.awaitBubble("¿De qué departamento es?");
		browser.click(By.xpath("(//div[contains(@class,'bubble')])[last()]//button[contains(.,'Laboral')]"));
		browser.awaitBubble("Cuéntanos qué necesitas");
		browser.type(By.id("try-text"), "Necesito el alta de una nueva empleada el 1 de marzo");
		browser.click(By.cssSelector("#try-form button[type=submit]"));
		browser.awaitBubble("Revisa tu consulta");
		browser.click(By.xpath("(//div[contains(@class,'bubble')])[last()]//button[contains(.,'Enviar consulta')]"));
		browser.awaitBubble("creada");
		browser.screenshot("07-try-the-bot");

		browser.open("/tickets");
		browser.click(By.xpath("//main//table//a[starts-with(normalize-space(),'#')]"));
		browser.type(By.id("text"), "Hola, ya hemos preparado el alta. Te la enviamos firmada hoy.");
		browser.click(By.xpath("//form[contains(@action,'/reply')]//button[@type='submit']"));
		browser.await((driver) -> browser.mainText().contains("Te la enviamos firmada hoy"));
		browser.screenshot("08-ticket");
		String ticketPath = browser.currentPath();

		browser.open("/try");
		browser.awaitBubble("Te la enviamos firmada hoy");

		browser.open(ticketPath);
		browser.click(By.xpath("//form[contains(@action,'/status')]//button[contains(@class,'danger')]"));
		browser.await((driver) -> browser.mainText().contains("Cerrado"));

		browser.open("/try");
		browser.awaitBubble("¿Qué tal te hemos atendido?");
		browser.click(By.xpath("(//div[contains(@class,'bubble')])[last()]//button[normalize-space()='5 ⭐']"));
		browser.awaitBubble("¿Quieres añadir un comentario?");
		browser.click(By.xpath("(//div[contains(@class,'bubble')])[last()]//button[normalize-space()='Saltar']"));
		browser.awaitBubble("¡Gracias por tu opinión!");
		browser.screenshot("09-try-rated");
	}

	@Test
	@Order(5)
	void showsTheSatisfactionChart() throws Exception {
		browser.open("/satisfaction");

		browser.find(By.id("rating-chart"));
		assertThat(browser.find(By.id("rating-5")).getText()).isEqualTo("1");
		assertThat(browser.find(By.id("average")).getText()).contains("5");
		browser.await((driver) -> browser.chartDrawn("rating-chart"));
		browser.screenshot("10-satisfaction");
	}

}
