package es.kompanion.bot.slack.ticket;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import es.kompanion.bot.delivery.DeliveryException;

/**
 * Calls a Web API method for an outbox handler and turns what Slack answers into the
 * outbox's terms: a refusal that may pass or that an admin can put right is tried again,
 * any other is given up at once.
 *
 * <p>
 * Refusals an admin can put right (the bot left the channel, a revoked token, a missing
 * scope) are tried again with the outbox's growing waits, so that the update arrives once
 * the setup is fixed.
 */
final class SlackCalls {

	private static final Logger log = LoggerFactory.getLogger(SlackCalls.class);

	/**
	 * Errors Slack documents as passing.
	 */
	private static final Set<String> PASSING_ERRORS = Set.of("ratelimited", "rate_limited", "internal_error",
			"fatal_error", "service_unavailable", "request_timeout");

	/**
	 * Errors that last until an admin changes the Slack setup, each with what to change.
	 * Every error in neither set will fail again the same way.
	 */
	private static final Map<String, String> SETUP_ERRORS = Map.ofEntries(
			Map.entry("not_in_channel", "invite the bot to the staff channel"),
			Map.entry("channel_not_found",
					"check that SLACK_STAFF_CHANNEL is the id of the staff channel and invite the bot to it"),
			Map.entry("is_archived", "unarchive the staff channel or set SLACK_STAFF_CHANNEL to another one"),
			Map.entry("invalid_auth", "set SLACK_BOT_TOKEN to the app's current bot token"),
			Map.entry("not_authed", "set SLACK_BOT_TOKEN to the app's current bot token"),
			Map.entry("account_inactive", "reinstall the Slack app and update SLACK_BOT_TOKEN"),
			Map.entry("token_revoked", "reinstall the Slack app and update SLACK_BOT_TOKEN"),
			Map.entry("token_expired", "reinstall the Slack app and update SLACK_BOT_TOKEN"),
			Map.entry("missing_scope", "add the missing scope to the Slack app and reinstall it"),
			Map.entry("no_permission", "let the bot post in the staff channel"),
			Map.entry("restricted_action", "let the bot post in the staff channel in the workspace settings"),
			Map.entry("team_access_not_granted", "grant the Slack app access to the staff channel's workspace"),
			Map.entry("ekm_access_denied", "ask the Enterprise Key Management admins to restore posting"));

	private SlackCalls() {
	}

	static <T extends SlackApiTextResponse> T call(MethodsClient client, String method, SlackCall<T> call)
			throws DeliveryException {
		T response;
		try {
			response = call.on(client);
		}
		catch (IOException ex) {
			throw DeliveryException.retryable(method + " failed: " + ex.getClass().getSimpleName(), null, ex);
		}
		catch (SlackApiException ex) {
			throw rejected(method, ex);
		}
		if (!response.isOk()) {
			throw refused(method, response.getError(), response.getNeeded(),
					retryAfter(response.getHttpResponseHeaders()));
		}
		return response;
	}

	/**
	 * Whether an HTTP status, from Slack or from its file hosts, may pass.
	 */
	static boolean isPassing(int status) {
		return status == 408 || status == 429 || status >= 500;
	}

	static @Nullable Duration retryAfter(@Nullable String seconds) {
		if (seconds == null) {
			return null;
		}
		try {
			return Duration.ofSeconds(Long.parseLong(seconds.strip()));
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static DeliveryException rejected(String method, SlackApiException ex) {
		int status = ex.getResponse().code();
		Duration retryAfter = retryAfter(ex.getResponse().header("Retry-After"));
		if (isPassing(status)) {
			return DeliveryException.retryable(method + " answered HTTP " + status, retryAfter, ex);
		}
		String error = (ex.getError() != null) ? ex.getError().getError() : null;
		String needed = (ex.getError() != null) ? ex.getError().getNeeded() : null;
		return (error != null) ? refused(method, error, needed, retryAfter)
				: DeliveryException.permanent(method + " answered HTTP " + status, ex);
	}

	private static DeliveryException refused(String method, @Nullable String error, @Nullable String needed,
			@Nullable Duration retryAfter) {
		String reason = method + " refused: " + error;
		if (error == null) {
			return DeliveryException.permanent(reason, null);
		}
		if (PASSING_ERRORS.contains(error)) {
			return DeliveryException.retryable(reason, retryAfter, null);
		}
		String fix = SETUP_ERRORS.get(error);
		if (fix != null) {
			if (needed != null && "missing_scope".equals(error)) {
				fix = "add the " + needed + " scope to the Slack app and reinstall it";
			}
			log.warn("Slack refused {} with {}: {}, and the update will be tried again", method, error, fix);
			return DeliveryException.retryable(reason, null, null);
		}
		return DeliveryException.permanent(reason, null);
	}

	private static @Nullable Duration retryAfter(@Nullable Map<String, List<String>> headers) {
		List<String> values = (headers != null) ? headers.get("retry-after") : null;
		return (values != null && !values.isEmpty()) ? retryAfter(values.get(0)) : null;
	}

	@FunctionalInterface
	interface SlackCall<T> {

		T on(MethodsClient client) throws IOException, SlackApiException;

	}

}
