package es.kompanion.bot;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a newcomer gets from the README's run command: the embedded H2 database, no
 * tokens, both channels off and said so once, and a healthy application.
 */
@ExtendWith(OutputCaptureExtension.class)
class ApplicationDefaultsIntegrationTests {

	@Test
	void startsOnEmbeddedDatabaseWithoutTokensAndReportsHealthy(@TempDir Path data, CapturedOutput output)
			throws Exception {
		String url = "jdbc:h2:file:" + data.resolve("kompanion")
				+ ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=VALUE";

		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(KompanionBotApplication.class)
			.run("--server.port=0", "--spring.datasource.url=" + url)) {
			String port = app.getEnvironment().getProperty("local.server.port");
			HttpResponse<String> health = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
						HttpResponse.BodyHandlers.ofString());

			assertThat(health.statusCode()).isEqualTo(200);
			assertThat(health.body()).contains("\"status\":\"UP\"");
			assertThat(Files.list(data)).anyMatch((file) -> file.getFileName().toString().endsWith(".mv.db"));
			assertThat(output.getOut()).containsOnlyOnce("Telegram channel off")
				.containsOnlyOnce("Slack staff channel off");
		}
	}

}
