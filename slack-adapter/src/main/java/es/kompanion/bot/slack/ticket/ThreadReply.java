package es.kompanion.bot.slack.ticket;

import java.util.List;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.MessageFileShareEvent;
import com.slack.api.model.event.MessageThreadBroadcastEvent;
import org.jspecify.annotations.Nullable;

/**
 * A message posted in a channel, as far as the staff desk cares, whichever Slack event
 * brought it.
 *
 * @param eventId Slack's id of the delivery, the same on every retry
 * @param botId set when an app or bot wrote it
 * @param threadTs the root of the thread it was posted in, if any
 * @param files the files that came with it
 */
record ThreadReply(String eventId, @Nullable String channel, @Nullable String user, @Nullable String botId, String text,
		@Nullable String ts, @Nullable String threadTs, List<SharedFile> files) {

	static ThreadReply of(EventsApiPayload<MessageEvent> payload) {
		MessageEvent event = payload.getEvent();
		return new ThreadReply(eventId(payload, event.getTs()), event.getChannel(), event.getUser(), event.getBotId(),
				textOf(event.getText()), event.getTs(), event.getThreadTs(), SharedFile.allOf(event.getFiles()));
	}

	/**
	 * A thread reply that staff also sent to the channel.
	 */
	static ThreadReply ofBroadcast(EventsApiPayload<MessageThreadBroadcastEvent> payload) {
		MessageThreadBroadcastEvent event = payload.getEvent();
		return new ThreadReply(eventId(payload, event.getTs()), event.getChannel(), event.getUser(), null,
				textOf(event.getText()), event.getTs(), event.getThreadTs(), List.of());
	}

	static ThreadReply ofFileShare(EventsApiPayload<MessageFileShareEvent> payload) {
		MessageFileShareEvent event = payload.getEvent();
		return new ThreadReply(eventId(payload, event.getTs()), event.getChannel(), event.getUser(), null,
				textOf(event.getText()), event.getTs(), event.getThreadTs(), SharedFile.allOf(event.getFiles()));
	}

	boolean isReplyIn(String channel) {
		return channel.equals(this.channel) && this.ts != null && this.threadTs != null
				&& !this.threadTs.equals(this.ts);
	}

	/**
	 * Names the message itself, the same whichever event brought it.
	 */
	String messageKey() {
		return "msg:" + this.channel + ":" + this.ts;
	}

	boolean isWrittenByPerson(@Nullable String botUserId) {
		return this.botId == null && this.user != null && !this.user.equals(botUserId);
	}

	private static String eventId(EventsApiPayload<?> payload, @Nullable String ts) {
		return (payload.getEventId() != null) ? payload.getEventId() : "ts:" + ts;
	}

	private static String textOf(@Nullable String text) {
		return (text != null) ? text : "";
	}

}
