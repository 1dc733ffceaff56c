package es.kompanion.bot.slack.config;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import es.kompanion.bot.slack.ConditionalOnSlackStaffChannel;
import es.kompanion.bot.slack.ConditionalOnSlackStaffChannel.Mode;
import es.kompanion.bot.slack.SlackProperties;

/**
 * Keeps a Socket Mode connection to Slack while the application runs. The first
 * connection is made in the background and retried with back-off, so that a Slack outage
 * at start-up neither blocks nor breaks the application; once connected, the Slack client
 * reconnects by itself.
 *
 * <p>
 * Uses the Java-WebSocket backend: Bolt's default, Tyrus, is not on the class path.
 */
@Component
@ConditionalOnSlackStaffChannel(Mode.SOCKET_MODE)
class SlackSocketMode implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SlackSocketMode.class);

	private static final Duration FIRST_RETRY = Duration.ofSeconds(5);

	private static final Duration LONGEST_RETRY = Duration.ofMinutes(5);

	private final SocketModeApp socketMode;

	private volatile boolean running;

	private @Nullable ScheduledExecutorService connector;

	private Duration nextRetry = FIRST_RETRY;

	SlackSocketMode(App app, SlackProperties properties) throws IOException {
		this.socketMode = new SocketModeApp(properties.appToken(), SocketModeClient.Backend.JavaWebSocket, app);
	}

	@Override
	public void start() {
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "slack-socket-mode");
			thread.setDaemon(true);
			return thread;
		});
		this.connector = executor;
		this.running = true;
		executor.execute(() -> connect(executor));
	}

	private void connect(ScheduledExecutorService executor) {
		if (!this.running) {
			return;
		}
		try {
			this.socketMode.startAsync();
			log.info("Slack Socket Mode connected");
		}
		catch (Exception ex) {
			Duration wait = this.nextRetry;
			this.nextRetry = (wait.multipliedBy(2).compareTo(LONGEST_RETRY) > 0) ? LONGEST_RETRY : wait.multipliedBy(2);
			log.warn("Slack Socket Mode could not connect ({}); retrying in {}", ex.getClass().getSimpleName(), wait);
			if (this.running) {
				executor.schedule(() -> connect(executor), wait.toMillis(), TimeUnit.MILLISECONDS);
			}
		}
	}

	@Override
	public void stop() {
		this.running = false;
		ScheduledExecutorService executor = this.connector;
		if (executor != null) {
			executor.shutdownNow();
			try {
				executor.awaitTermination(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		try {
			this.socketMode.stop();
		}
		catch (Exception ex) {
			log.warn("Slack Socket Mode did not stop cleanly ({})", ex.getClass().getSimpleName());
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
