package es.kompanion.bot.slack.config;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import es.kompanion.bot.slack.ConditionalOnSlackStaffChannel;
import es.kompanion.bot.slack.ConditionalOnSlackStaffChannel.Mode;

/**
 * Receives Slack's HTTP events and interactions and hands them to Bolt, which checks the
 * signature, answers URL verification and acknowledges.
 *
 * <p>
 * The body is read raw, before anything parses it as a form, because the signature covers
 * the exact bytes; the query string is parsed by hand for the same reason. Since it must
 * be read before its signature can be checked, a body longer than Slack ever sends is
 * refused unread, or as soon as the reading passes the limit.
 */
@RestController
@ConditionalOnSlackStaffChannel(Mode.HTTP)
class SlackEventsController {

	private static final Logger log = LoggerFactory.getLogger(SlackEventsController.class);

	/** Far above anything Slack sends in one event or interaction. */
	static final int MAX_BODY_BYTES = 1024 * 1024;

	private final App app;

	private final SlackRequestParser parser;

	SlackEventsController(App app) {
		this.app = app;
		this.parser = new SlackRequestParser(app.config());
	}

	@PostMapping("${kompanion.slack.events-path:/slack/events}")
	ResponseEntity<String> receive(HttpServletRequest request) throws IOException {
		byte[] bytes = readBody(request);
		if (bytes == null) {
			log.warn("Slack request refused: its body is over {} bytes", MAX_BODY_BYTES);
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).build();
		}
		String body = new String(bytes, StandardCharsets.UTF_8);

		Request<?> slackRequest;
		try {
			slackRequest = this.parser.parse(toHttpRequest(request, body));
		}
		catch (RuntimeException ex) {
			log.warn("Slack request could not be read ({})", ex.getClass().getSimpleName());
			return ResponseEntity.badRequest().build();
		}
		if (slackRequest == null) {
			log.warn("Slack request of an unknown kind rejected");
			return ResponseEntity.badRequest().build();
		}

		try {
			Response response = this.app.run(slackRequest);
			log.debug("Slack {} request answered with {}", slackRequest.getRequestType(), response.getStatusCode());
			return toResponseEntity(response);
		}
		catch (Exception ex) {
			log.error("Slack {} request failed", slackRequest.getRequestType(), ex);
			return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).build();
		}
	}

	/**
	 * @return the body, or {@code null} if it is longer than {@link #MAX_BODY_BYTES}; no
	 * more than one byte past the limit is ever read
	 */
	private static byte @Nullable [] readBody(HttpServletRequest request) throws IOException {
		if (request.getContentLengthLong() > MAX_BODY_BYTES) {
			return null;
		}
		byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
		return (body.length > MAX_BODY_BYTES) ? null : body;
	}

	private static SlackRequestParser.HttpRequest toHttpRequest(HttpServletRequest request, String body) {
		Map<String, List<String>> headers = new LinkedHashMap<>();
		for (String name : Collections.list(request.getHeaderNames())) {
			headers.put(name, Collections.list(request.getHeaders(name)));
		}
		return SlackRequestParser.HttpRequest.builder()
			.requestUri(request.getRequestURI())
			.queryString(parseQuery(request.getQueryString()))
			.headers(new RequestHeaders(headers))
			.requestBody(body)
			.remoteAddress(request.getRemoteAddr())
			.build();
	}

	static Map<String, List<String>> parseQuery(@Nullable String query) {
		Map<String, List<String>> parameters = new LinkedHashMap<>();
		if (!StringUtils.hasText(query)) {
			return parameters;
		}
		for (String pair : query.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = decode((equals < 0) ? pair : pair.substring(0, equals));
			String value = (equals < 0) ? "" : decode(pair.substring(equals + 1));
			parameters.computeIfAbsent(name, (key) -> new ArrayList<>()).add(value);
		}
		return parameters;
	}

	private static String decode(String text) {
		return URLDecoder.decode(text, StandardCharsets.UTF_8);
	}

	private static ResponseEntity<String> toResponseEntity(Response response) {
		HttpHeaders headers = new HttpHeaders();
		if (response.getHeaders() != null) {
			response.getHeaders().forEach(headers::addAll);
		}
		if (response.getContentType() != null) {
			headers.setContentType(MediaType.parseMediaType(response.getContentType()));
		}
		int status = (response.getStatusCode() != null) ? response.getStatusCode() : HttpStatus.OK.value();
		return ResponseEntity.status(status).headers(headers).body(response.getBody());
	}

}
