package es.kompanion.bot.slack.ticket;

import org.jspecify.annotations.Nullable;

import es.kompanion.bot.ticket.AuthorType;
import es.kompanion.bot.ticket.ClientUnreachable;
import es.kompanion.bot.ticket.TicketStatus;
import es.kompanion.bot.ticket.TicketStatusChanged;

/**
 * The outbox payload of one change to a ticket's place in the staff channel. It names
 * what to do, not what to write: the handler reads the ticket as it is when it sends.
 *
 * @param kind what to do
 * @param ticketId the ticket
 * @param messageId the client's message, for {@link Kind#POST_IN_THREAD}, or the staff
 * answer written outside Slack, for {@link Kind#POST_STAFF_REPLY}
 * @param statusChange who moved the ticket where, for {@link Kind#POST_STATUS_NOTE}
 * @param problem the channel and the platform's reason, for
 * {@link Kind#POST_DELIVERY_PROBLEM}
 * @param attachmentId the file, for {@link Kind#POST_FILE} and
 * {@link Kind#POST_FILE_FAILED}
 */
record StaffDeskUpdate(Kind kind, Long ticketId, @Nullable Long messageId, @Nullable StatusChange statusChange,
		@Nullable DeliveryProblem problem, @Nullable Long attachmentId) {

	static final String TOPIC = "SLACK_STAFF";

	static StaffDeskUpdate postRoot(Long ticketId) {
		return new StaffDeskUpdate(Kind.POST_ROOT, ticketId, null, null, null, null);
	}

	static StaffDeskUpdate refreshRoot(Long ticketId) {
		return new StaffDeskUpdate(Kind.REFRESH_ROOT, ticketId, null, null, null, null);
	}

	static StaffDeskUpdate postInThread(Long ticketId, Long messageId) {
		return new StaffDeskUpdate(Kind.POST_IN_THREAD, ticketId, messageId, null, null, null);
	}

	static StaffDeskUpdate staffReply(Long ticketId, Long messageId) {
		return new StaffDeskUpdate(Kind.POST_STAFF_REPLY, ticketId, messageId, null, null, null);
	}

	static StaffDeskUpdate statusNote(TicketStatusChanged event) {
		StatusChange change = new StatusChange(event.from(), event.to(), event.actor().type(), event.actor().ref());
		return new StaffDeskUpdate(Kind.POST_STATUS_NOTE, event.ticketId(), null, change, null, null);
	}

	static StaffDeskUpdate deliveryProblem(ClientUnreachable event) {
		return new StaffDeskUpdate(Kind.POST_DELIVERY_PROBLEM, event.ticketId(), null, null,
				new DeliveryProblem(event.channel(), event.reason()), null);
	}

	static StaffDeskUpdate postFile(Long ticketId, Long attachmentId) {
		return new StaffDeskUpdate(Kind.POST_FILE, ticketId, null, null, null, attachmentId);
	}

	static StaffDeskUpdate fileFailed(Long ticketId, Long attachmentId) {
		return new StaffDeskUpdate(Kind.POST_FILE_FAILED, ticketId, null, null, null, attachmentId);
	}

	/**
	 * The outbox stream of one ticket's thread: its updates leave one at a time, in
	 * order, so the root message is always posted before anything goes into its thread.
	 */
	static String streamKey(Long ticketId) {
		return "slack-ticket:" + ticketId;
	}

	enum Kind {

		/** Post the ticket's root message, which starts its thread. */
		POST_ROOT,
		/** Render the root message again for the ticket's current status. */
		REFRESH_ROOT,
		/** Post a client's message into the thread. */
		POST_IN_THREAD,
		/**
		 * Post into the thread a staff answer written outside Slack, in the admin web.
		 */
		POST_STAFF_REPLY,
		/** Post a short line into the thread saying who changed the status. */
		POST_STATUS_NOTE,
		/** Warn in the thread that a message did not reach the client. */
		POST_DELIVERY_PROBLEM,
		/** Upload a stored file from the client into the thread. */
		POST_FILE,
		/**
		 * Warn in the thread that a file could not be fetched: one from the client never
		 * reaches staff, one from staff never reaches the client.
		 */
		POST_FILE_FAILED

	}

	/**
	 * @param actorRef as in {@link es.kompanion.bot.ticket.Actor#ref()}, such as
	 * {@code slack:U024BE7LH} or {@code staff:42}
	 */
	record StatusChange(TicketStatus from, TicketStatus to, AuthorType actorType, String actorRef) {

	}

	/**
	 * @param channel the client's channel, such as {@code TELEGRAM}
	 * @param reason what that platform said
	 */
	record DeliveryProblem(String channel, String reason) {

	}

}
