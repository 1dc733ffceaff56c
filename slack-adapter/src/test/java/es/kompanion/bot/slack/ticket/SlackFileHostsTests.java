package es.kompanion.bot.slack.ticket;

import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SlackFileHostsTests {

	private final SlackFileHosts production = new SlackFileHosts("https://slack.com/api/");

	private final SlackFileHosts test = new SlackFileHosts("http://127.0.0.1:8089/api/");

	@Test
	void sendsTheTokenToSlacksFileHost() {
		assertThat(this.production.mayReceiveToken(
				HttpUrl.get("https://files.slack.com/files-pri/T0KRD7HC3-F0S43PZDF/download/modelo_303.pdf")))
			.isTrue();
	}

	@Test
	void sendsTheTokenToTheConfiguredApiOrigin() {
		assertThat(this.test.mayReceiveToken(HttpUrl.get("http://127.0.0.1:8089/files-pri/T1-F1/download/a.pdf")))
			.isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://files.slack.com/files-pri/T1-F1/download/a.pdf",
			"https://files.slack.com:8443/files-pri/T1-F1/download/a.pdf",
			"https://files.slack.com.example.org/files-pri/T1-F1/download/a.pdf",
			"https://evilfiles.slack.com/files-pri/T1-F1/download/a.pdf", "https://example.org/a.pdf",
			"https://user@example.org/files.slack.com/a.pdf", "http://127.0.0.1:8090/files-pri/T1-F1/download/a.pdf" })
	void sendsTheTokenNowhereElse(String address) {
		assertThat(this.production.mayReceiveToken(HttpUrl.get(address))).isFalse();
		assertThat(this.test.mayReceiveToken(HttpUrl.get(address))).isFalse();
		assertThat(this.test.mayReceiveToken(null)).isFalse();
	}

	@Test
	void uploadsClientFilesOnlyToSlackOverHttps() {
		assertThat(this.production.mayReceiveUpload(HttpUrl.get("https://files.slack.com/upload/v1/CwABAAAAXAoA")))
			.isTrue();
		assertThat(this.production.mayReceiveUpload(HttpUrl.get("http://files.slack.com/upload/v1/CwABAAAAXAoA")))
			.isFalse();
		assertThat(this.production.mayReceiveUpload(HttpUrl.get("https://notslack.com/upload/v1/CwABAAAAXAoA")))
			.isFalse();
		assertThat(this.production.mayReceiveUpload(HttpUrl.get("https://slack.com.example.org/upload/v1/Cw")))
			.isFalse();
		assertThat(this.test.mayReceiveUpload(HttpUrl.get("http://127.0.0.1:8089/upload/v1/CwABAAAAXAoA"))).isTrue();
	}

}
