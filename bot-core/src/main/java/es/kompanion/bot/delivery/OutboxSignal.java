package es.kompanion.bot.delivery;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

/**
 * Wakes the dispatcher as soon as a transaction with new outbox messages commits, so
 * replies leave at once instead of at the next poll.
 */
@Component
class OutboxSignal {

	private final Semaphore permits = new Semaphore(0);

	void wake() {
		if (this.permits.availablePermits() == 0) {
			this.permits.release();
		}
	}

	void await(Duration timeout) throws InterruptedException {
		if (this.permits.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			this.permits.drainPermits();
		}
	}

}
