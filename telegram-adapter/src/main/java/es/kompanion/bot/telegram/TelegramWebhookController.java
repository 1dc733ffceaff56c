package es.kompanion.bot.telegram;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import es.kompanion.bot.telegram.config.ConditionalOnTelegram;
import es.kompanion.bot.telegram.config.TelegramProperties;

/**
 * Receives the updates Telegram posts in webhook mode. Only a call carrying the
 * configured secret is read, and only up to a limit far above any update. The body is
 * read with Jackson 2, as TelegramBots' types are annotated for it and the application's
 * own Jackson 3 would not see those annotations.
 */
@RestController
@ConditionalOnTelegram(TelegramProperties.Mode.WEBHOOK)
class TelegramWebhookController {

	static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

	/** Far above any update Telegram sends; files are never part of one. */
	static final int MAX_BODY_BYTES = 1024 * 1024;

	private static final Logger log = LoggerFactory.getLogger(TelegramWebhookController.class);

	private static final ObjectMapper json = new ObjectMapper()
		.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

	private final byte[] secret;

	private final TelegramUpdateHandler handler;

	TelegramWebhookController(TelegramProperties properties, TelegramUpdateHandler handler) {
		this.secret = properties.webhookSecret().getBytes(StandardCharsets.UTF_8);
		this.handler = handler;
	}

	@PostMapping("${kompanion.telegram.webhook-path:/telegram/webhook}")
	ResponseEntity<Void> receive(@RequestHeader(name = SECRET_HEADER, required = false) @Nullable String secret,
			HttpServletRequest request) throws IOException {
		if (request.getContentLengthLong() > MAX_BODY_BYTES) {
			return tooLarge();
		}
		if (!authentic(secret)) {
			log.warn("Telegram webhook call without the right secret refused");
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
		}
		byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
		if (body.length > MAX_BODY_BYTES) {
			return tooLarge();
		}

		Update update = read(body);
		if (update == null) {
			log.warn("Telegram webhook call with an unreadable update refused");
			return ResponseEntity.badRequest().build();
		}

		this.handler.handle(update);
		return ResponseEntity.ok().build();
	}

	private static ResponseEntity<Void> tooLarge() {
		log.warn("Telegram webhook call refused: its body is over {} bytes", MAX_BODY_BYTES);
		return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).build();
	}

	private boolean authentic(@Nullable String given) {
		return given != null && this.secret.length > 0
				&& MessageDigest.isEqual(this.secret, given.getBytes(StandardCharsets.UTF_8));
	}

	private static @Nullable Update read(byte[] body) {
		try {
			Update update = json.readValue(body, Update.class);
			return (update != null && update.getUpdateId() != null) ? update : null;
		}
		catch (IOException ex) {
			return null;
		}
	}

}
