package es.kompanion.bot.telegram;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import es.kompanion.bot.telegram.config.ConditionalOnTelegram;
import es.kompanion.bot.telegram.config.TelegramProperties;

/**
 * Receives the updates Telegram posts in webhook mode. Only a call carrying the
 * configured secret is read. The body is read with Jackson 2, as TelegramBots' types are
 * annotated for it and the application's own Jackson 3 would not see those annotations.
 */
@RestController
@ConditionalOnTelegram(TelegramProperties.Mode.WEBHOOK)
class TelegramWebhookController {

	static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

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
			@RequestBody(required = false) @Nullable String body) {
		if (!authentic(secret)) {
			log.warn("Telegram webhook call without the right secret refused");
			return ResponseEntity.status(401).build();
		}
		Update update = read(body);
		if (update == null) {
			log.warn("Telegram webhook call with an unreadable update refused");
			return ResponseEntity.badRequest().build();
		}

		this.handler.handle(update);
		return ResponseEntity.ok().build();
	}

	private boolean authentic(@Nullable String given) {
		return given != null && this.secret.length > 0
				&& MessageDigest.isEqual(this.secret, given.getBytes(StandardCharsets.UTF_8));
	}

	private static @Nullable Update read(@Nullable String body) {
		if (body == null || body.isBlank()) {
			return null;
		}
		try {
			Update update = json.readValue(body, Update.class);
			return (update != null && update.getUpdateId() != null) ? update : null;
		}
		catch (JsonProcessingException ex) {
			return null;
		}
	}

}
