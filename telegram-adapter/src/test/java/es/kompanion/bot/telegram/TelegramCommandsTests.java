package es.kompanion.bot.telegram;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.MessageSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

@ExtendWith(OutputCaptureExtension.class)
class TelegramCommandsTests {

	private static final String TOKEN = "123456:TEST-commands-token";

	private static final String SET_MY_COMMANDS = "(?i)/bot.*/setmycommands";

	private final ObjectMapper json = new ObjectMapper();

	private final MessageSource messages = CoreMessages.source();

	private WireMockServer telegram;

	private TelegramCommands commands;

	@BeforeEach
	void startTelegram() {
		this.telegram = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
		this.telegram.start();
		this.commands = new TelegramCommands(
				new OkHttpTelegramClient(TOKEN, new TelegramUrl("http", "127.0.0.1", this.telegram.port(), false)),
				this.messages);
	}

	@AfterEach
	void stopTelegram() {
		this.telegram.stop();
	}

	@Test
	void setsASpanishAnEnglishAndADefaultSpanishMenu() throws Exception {
		this.telegram
			.stubFor(post(urlPathMatching(SET_MY_COMMANDS)).willReturn(okJson("{\"ok\":true,\"result\":true}")));

		this.commands.publish();

		List<JsonNode> menus = menus();
		assertThat(menus).hasSize(3);
		assertThat(menus).extracting((menu) -> menu.path("language_code").asText(null))
			.containsExactly("es", "en", null);
		assertThat(menus).allSatisfy((menu) -> assertThat(menu.at("/scope/type").asText()).isEqualTo("default"));
		assertThat(names(menus.get(0))).containsExactly("start", "nueva", "consultas", "buscar", "estado", "recursos",
				"calendario", "idioma", "ayuda", "cancelar", "desvincular");
		assertThat(names(menus.get(1))).containsExactly("start", "new", "tickets", "search", "status", "resources",
				"calendar", "language", "help", "cancel", "unlink");
		assertThat(menus.get(2).path("commands")).isEqualTo(menus.get(0).path("commands"));
	}

	@Test
	void describesEachCommandInTheMenusLanguage() throws Exception {
		this.telegram
			.stubFor(post(urlPathMatching(SET_MY_COMMANDS)).willReturn(okJson("{\"ok\":true,\"result\":true}")));

		this.commands.publish();

		List<JsonNode> menus = menus();
		assertThat(menus.get(0).at("/commands/1/description").asText())
			.isEqualTo(this.messages.getMessage("command.new", null, Locale.forLanguageTag("es")));
		assertThat(menus.get(1).at("/commands/1/description").asText())
			.isEqualTo(this.messages.getMessage("command.new", null, Locale.ENGLISH))
			.isNotEqualTo(menus.get(0).at("/commands/1/description").asText());
	}

	@Test
	void warnsAndCarriesOnWhenTelegramRefusesTheMenu(CapturedOutput output) {
		this.telegram.stubFor(post(urlPathMatching(SET_MY_COMMANDS)).willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: BOT_COMMAND_INVALID\"}")));

		assertThatNoException().isThrownBy(this.commands::publish);

		this.telegram.verify(3, postRequestedFor(urlPathMatching(SET_MY_COMMANDS)));
		assertThat(output).contains("WARN").contains("BOT_COMMAND_INVALID").doesNotContain(TOKEN);
	}

	private List<JsonNode> menus() throws Exception {
		List<LoggedRequest> requests = this.telegram.findAll(postRequestedFor(urlPathMatching(SET_MY_COMMANDS)));
		List<JsonNode> menus = new ArrayList<>();
		for (LoggedRequest request : requests) {
			menus.add(this.json.readTree(request.getBodyAsString()));
		}
		return menus;
	}

	private static List<String> names(JsonNode menu) {
		List<String> names = new ArrayList<>();
		menu.path("commands").forEach((command) -> names.add(command.path("command").asText()));
		return names;
	}

}
