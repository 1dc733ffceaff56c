package es.kompanion.bot.telegram;

import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * Reads Bot API failures. Descriptions come from Telegram and name no user data, so they
 * may be logged; requests and responses are never printed.
 */
final class TelegramErrors {

	private TelegramErrors() {
	}

	/**
	 * The Bot API error code, or 0 when the request did not get an answer from the API.
	 */
	static int code(Throwable failure) {
		if (failure instanceof TelegramApiRequestException request && request.getErrorCode() != null) {
			return request.getErrorCode();
		}
		return 0;
	}

	/**
	 * What went wrong, in words fit for a log line: the API's description, or the kind of
	 * network failure.
	 */
	static String describe(Throwable failure) {
		if (failure instanceof TelegramApiRequestException request && request.getApiResponse() != null) {
			return request.getApiResponse();
		}
		if (code(failure) != 0) {
			return "Bot API error " + code(failure);
		}
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return (root == failure) ? failure.getClass().getSimpleName()
				: failure.getClass().getSimpleName() + " (" + root.getClass().getSimpleName() + ")";
	}

	/**
	 * Whether Telegram turned the request down for good, as it does a wrong token or a
	 * bad webhook address: a client error other than a rate limit.
	 */
	static boolean isRefusal(Throwable failure) {
		int code = code(failure);
		return code >= 400 && code < 500 && code != 429;
	}

	/**
	 * Whether a callback query could no longer be answered, which happens when the answer
	 * comes late and does no harm.
	 */
	static boolean isStaleCallback(Throwable failure) {
		if (code(failure) != 400) {
			return false;
		}
		String description = describe(failure).toLowerCase(Locale.ROOT);
		return description.contains("query is too old") || description.contains("query id is invalid");
	}

	/**
	 * The failure itself, out of the wrapper an asynchronous call puts it in.
	 */
	static Throwable unwrap(Throwable failure) {
		boolean wrapped = failure instanceof CompletionException || failure instanceof ExecutionException;
		if (wrapped && failure.getCause() != null) {
			return failure.getCause();
		}
		return failure;
	}

}
