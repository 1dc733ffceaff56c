package es.kompanion.bot.survey;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * How fast tickets opened in a period were answered and closed.
 *
 * @param tickets how many tickets were opened
 * @param answered how many of them have a staff reply
 * @param averageFirstResponse the average time from opening to the first staff reply,
 * over the answered ones; {@code null} when none is
 * @param closed how many of them are closed
 * @param averageResolution the average time from opening to closing, over the closed
 * ones; {@code null} when none is
 */
public record TicketTimes(long tickets, long answered, @Nullable Duration averageFirstResponse, long closed,
		@Nullable Duration averageResolution) {

	/**
	 * The average first response in minutes, or {@code null}.
	 */
	public @Nullable Double averageFirstResponseMinutes() {
		return (this.averageFirstResponse != null) ? this.averageFirstResponse.toMillis() / 60_000.0 : null;
	}

	/**
	 * The average resolution in hours, or {@code null}.
	 */
	public @Nullable Double averageResolutionHours() {
		return (this.averageResolution != null) ? this.averageResolution.toMillis() / 3_600_000.0 : null;
	}

}
