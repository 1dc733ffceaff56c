package es.kompanion.bot.telegram;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

import org.springframework.context.SmartLifecycle;

/**
 * Connects to Telegram when the application starts, and keeps trying in the background
 * while Telegram cannot be reached, so that a network outage at boot does not stop the
 * whole application. A refusal (a wrong token, a bad webhook address) fails the start
 * instead: trying again would not help. Once connected, it sets the command menu.
 */
abstract class TelegramStartup implements SmartLifecycle {

	private static final Duration FIRST_RETRY = Duration.ofSeconds(5);

	private static final Duration LAST_RETRY = Duration.ofMinutes(5);

	private final Logger log = LoggerFactory.getLogger(getClass());

	private final String name;

	private final TelegramCommands commands;

	private final Object lock = new Object();

	private volatile boolean running;

	private @Nullable ScheduledExecutorService retries;

	/**
	 * @param name what connects, for the logs, such as "Telegram long polling"
	 * @param commands the command menu to set once connected
	 */
	TelegramStartup(String name, TelegramCommands commands) {
		this.name = name;
		this.commands = commands;
	}

	/**
	 * Makes one attempt to connect.
	 */
	protected abstract void connect() throws TelegramApiException;

	/**
	 * Undoes {@link #connect()}, if it succeeded.
	 */
	protected void disconnect() {
	}

	@Override
	public void start() {
		synchronized (this.lock) {
			this.running = true;
			try {
				connect();
			}
			catch (TelegramApiException ex) {
				if (TelegramErrors.isRefusal(ex)) {
					this.running = false;
					throw new IllegalStateException(this.name + " refused by Telegram: " + TelegramErrors.describe(ex),
							ex);
				}
				retryLater(ex, FIRST_RETRY);
				return;
			}
			this.commands.publish();
		}
	}

	@Override
	public void stop() {
		synchronized (this.lock) {
			this.running = false;
			if (this.retries != null) {
				this.retries.shutdownNow();
				this.retries = null;
			}
			disconnect();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void retry(Duration lastWait) {
		synchronized (this.lock) {
			if (!this.running) {
				return;
			}
			try {
				connect();
			}
			catch (TelegramApiException ex) {
				if (TelegramErrors.isRefusal(ex)) {
					this.log.error("{} refused by Telegram ({}); not trying again until restart", this.name,
							TelegramErrors.describe(ex));
					return;
				}
				Duration doubled = lastWait.multipliedBy(2);
				retryLater(ex, (doubled.compareTo(LAST_RETRY) > 0) ? LAST_RETRY : doubled);
				return;
			}
			this.commands.publish();
		}
	}

	private void retryLater(TelegramApiException failure, Duration wait) {
		this.log.warn("{} failed ({}); trying again in {}s", this.name, TelegramErrors.describe(failure),
				wait.toSeconds());
		if (this.retries == null) {
			this.retries = Executors.newSingleThreadScheduledExecutor((task) -> {
				Thread thread = new Thread(task, "telegram-startup");
				thread.setDaemon(true);
				return thread;
			});
		}
		this.retries.schedule(() -> retry(wait), wait.toMillis(), TimeUnit.MILLISECONDS);
	}

}
