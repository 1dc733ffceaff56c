package es.kompanion.bot.delivery;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * A platform did not take an outgoing message.
 */
public class DeliveryException extends Exception {

	private final boolean retryable;

	private final @Nullable Duration retryAfter;

	private DeliveryException(String reason, boolean retryable, @Nullable Duration retryAfter,
			@Nullable Throwable cause) {
		super(reason, cause);
		this.retryable = retryable;
		this.retryAfter = retryAfter;
	}

	/**
	 * A failure that may pass, such as a timeout or a rate limit.
	 * @param retryAfter how long the platform asked us to wait, if it said
	 */
	public static DeliveryException retryable(String reason, @Nullable Duration retryAfter, @Nullable Throwable cause) {
		return new DeliveryException(reason, true, retryAfter, cause);
	}

	/**
	 * A failure that will not pass by trying again, such as a user who blocked the bot.
	 */
	public static DeliveryException permanent(String reason, @Nullable Throwable cause) {
		return new DeliveryException(reason, false, null, cause);
	}

	public boolean isRetryable() {
		return this.retryable;
	}

	public @Nullable Duration getRetryAfter() {
		return this.retryAfter;
	}

}
