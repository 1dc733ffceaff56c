package es.kompanion.bot.slack.config;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import jakarta.servlet.ServletInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.DelegatingServletInputStream;
import org.springframework.mock.web.MockHttpServletRequest;

import es.kompanion.bot.slack.SlackProperties;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class SlackEventsControllerTests {

	private static final int MEBIBYTE = 1024 * 1024;

	private final App app = new App(AppConfig.builder()
		.singleTeamBotToken("xoxb-test")
		.signingSecret("8f742231b10e8888abcd99yyyzzz85a5")
		.slack(SlackConfiguration.createSlack(
				new SlackProperties("xoxb-test", "", "", "C0STAFF", "http://127.0.0.1:9/api/", "/slack/events")))
		.build());

	private final SlackEventsController controller = new SlackEventsController(this.app);

	@AfterEach
	void stopApp() {
		this.app.stop();
	}

	@Test
	void refusesADeclaredBodyOverOneMebibyteWithoutReadingIt(CapturedOutput output) throws Exception {
		CountingBody body = new CountingBody(10 * MEBIBYTE);

		ResponseEntity<String> response = this.controller.receive(request(body, 10L * MEBIBYTE));

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
		assertThat(body.bytesRead()).isZero();
		assertThat(output).containsOnlyOnce("WARN").contains("over 1048576 bytes").doesNotContain("texto del body");
	}

	@Test
	void refusesAChunkedBodyOverOneMebibyteAfterReadingNoMoreThanTheLimit(CapturedOutput output) throws Exception {
		CountingBody body = new CountingBody(10 * MEBIBYTE);

		ResponseEntity<String> response = this.controller.receive(request(body, -1));

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
		assertThat(body.bytesRead()).isLessThanOrEqualTo(MEBIBYTE + 1);
		assertThat(output).containsOnlyOnce("WARN").doesNotContain("texto del body");
	}

	@Test
	void readsABodyOfExactlyOneMebibyteWhole() throws Exception {
		CountingBody body = new CountingBody(MEBIBYTE);

		ResponseEntity<String> response = this.controller.receive(request(body, MEBIBYTE));

		assertThat(response.getStatusCode()).isNotEqualTo(HttpStatus.CONTENT_TOO_LARGE);
		assertThat(body.bytesRead()).isEqualTo(MEBIBYTE);
	}

	private static MockHttpServletRequest request(InputStream body, long declaredLength) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/slack/events") {

			@Override
			public ServletInputStream getInputStream() {
				return new DelegatingServletInputStream(body);
			}

			@Override
			public long getContentLengthLong() {
				return declaredLength;
			}

			@Override
			public int getContentLength() {
				return (int) Math.min(declaredLength, Integer.MAX_VALUE);
			}

		};
		request.setContentType(MediaType.APPLICATION_JSON_VALUE);
		request.addHeader("X-Slack-Request-Timestamp", "1712345999");
		request.addHeader("X-Slack-Signature", "v0=unsigned");
		return request;
	}

	/**
	 * A body of a given size that is made up as it is read, counting what was read.
	 */
	private static final class CountingBody extends InputStream {

		private static final byte[] TEXT = "texto del body ".getBytes(StandardCharsets.US_ASCII);

		private final long size;

		private long read;

		CountingBody(long size) {
			this.size = size;
		}

		@Override
		public int read() {
			if (this.read >= this.size) {
				return -1;
			}
			return TEXT[(int) (this.read++ % TEXT.length)];
		}

		long bytesRead() {
			return this.read;
		}

	}

}
