package es.kompanion.bot.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every email template renders in both languages with all its texts, escapes what clients
 * and staff wrote in the HTML version, and keeps the plain text version plain.
 */
class MailTemplatesTests {

	private static final Locale SPANISH = Locale.forLanguageTag("es");

	private static final Map<String, Map<String, ?>> EXAMPLES = Map.of("invitation",
			Map.of("name", "Ana", "link", "https://t.me/KompanionBot?start=abc", "days", 7L), "link-code",
			Map.of("code", "042917", "minutes", 15), "ticket-received",
			Map.of("name", "Ana", "number", "#1042", "department", "LABOUR", "summary", "Alta de una persona"),
			"status-pending", Map.of("name", "Ana", "number", "#1042"), "status-closed",
			Map.of("name", "Ana", "number", "#1042", "surveyUrl", "http://localhost:8080/survey/abc"), "staff-replied",
			Map.of("name", "Ana", "number", "#1042", "reply", "Ya está hecho."));

	private final MailTemplates templates = new MailTemplates();

	@Test
	void rendersEveryTemplateInBothLanguagesWithoutMissingTexts() {
		for (Locale locale : List.of(SPANISH, Locale.ENGLISH)) {
			EXAMPLES.forEach((template, variables) -> {
				MailContent mail = this.templates.render(template, locale, variables, "#1042");

				assertThat(mail.subject()).as(template).isNotBlank().doesNotContain("??", "{0");
				assertThat(mail.text()).as(template).doesNotContain("??", "<", "[(", "{0", "{1");
				assertThat(mail.html()).as(template)
					.startsWith("<!DOCTYPE html>")
					.contains("lang=\"" + locale.getLanguage() + "\"")
					.doesNotContain("??", " th:", "xmlns:th", "{0", "{1", "<img");
			});
		}
	}

	@Test
	void writesInTheClientsLanguage() {
		Map<String, ?> variables = EXAMPLES.get("ticket-received");

		MailContent spanish = this.templates.render("ticket-received", SPANISH, variables, "#1042");
		MailContent english = this.templates.render("ticket-received", Locale.ENGLISH, variables, "#1042");

		assertThat(spanish.subject()).isEqualTo("Hemos recibido tu consulta #1042");
		assertThat(spanish.text()).contains("Hola, Ana:", "área de Laboral", "Alta de una persona");
		assertThat(english.subject()).isEqualTo("We received your ticket #1042");
		assertThat(english.text()).contains("Hi Ana,", "our team (Labour)", "Alta de una persona");
	}

	@Test
	void escapesWhatPeopleWroteInTheHtmlVersionOnly() {
		MailContent mail = this.templates.render("staff-replied", SPANISH,
				Map.of("name", "Ana <b>", "number", "#7", "reply", "<script>alert(1)</script>\nSegunda línea"), "#7");

		assertThat(mail.html()).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "Ana &lt;b&gt;")
			.doesNotContain("<script>");
		assertThat(mail.text()).contains("<script>alert(1)</script>\nSegunda línea");
	}

	@Test
	void leavesTheSurveyOutOfAClosedTicketsEmailWithoutALink() {
		MailContent mail = this.templates.render("status-closed", SPANISH, Map.of("name", "Ana", "number", "#7"), "#7");

		assertThat(mail.text()).contains("Hemos cerrado tu consulta #7").doesNotContain("Valóralo", "null");
		assertThat(mail.html()).doesNotContain("Valorar la atención");
	}

	@Test
	void refusesATemplateNameThatIsNotOne() {
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> this.templates.render("../layout", SPANISH, Map.of()));
	}

	@Test
	void keepsBothLanguagesOfTheBundleInStepAndFreeOfPlainApostrophes() throws IOException {
		Properties spanish = bundle("es");
		Properties english = bundle("en");

		assertThat(english.stringPropertyNames()).isEqualTo(spanish.stringPropertyNames());
		for (Properties texts : List.of(spanish, english)) {
			texts.forEach((key, text) -> assertThat(text.toString()).as(key.toString()).doesNotContain("'"));
		}
	}

	private static Properties bundle(String language) throws IOException {
		try (InputStream in = MailTemplatesTests.class
			.getResourceAsStream("/mail/messages_" + language + ".properties")) {
			Properties properties = new Properties();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
			return properties;
		}
	}

}
