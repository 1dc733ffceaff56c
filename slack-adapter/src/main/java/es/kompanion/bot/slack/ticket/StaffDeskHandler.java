package es.kompanion.bot.slack.ticket;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.slack.api.bolt.App;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import es.kompanion.bot.delivery.DeliveryException;
import es.kompanion.bot.delivery.OutboxHandler;
import es.kompanion.bot.slack.ConditionalOnSlackStaffChannel;
import es.kompanion.bot.slack.SlackProperties;
import es.kompanion.bot.slack.ticket.StaffDeskUpdate.DeliveryProblem;
import es.kompanion.bot.slack.ticket.StaffDeskUpdate.StatusChange;
import es.kompanion.bot.ticket.Actor;
import es.kompanion.bot.ticket.TicketMessage;
import es.kompanion.bot.ticket.TicketNotFoundException;
import es.kompanion.bot.ticket.TicketSummary;
import es.kompanion.bot.ticket.Tickets;

/**
 * Sends staff desk updates to the staff channel through the Web API, reading each ticket,
 * message and staff name as it is at send time.
 *
 * <p>
 * Posting a root message and remembering its thread are two steps; if the application
 * dies between them, the retry posts the root message again and the first one is left
 * without a thread. A root that is already remembered is never posted twice.
 *
 * <p>
 * When the root message can show only the start of the description, the whole of it is
 * posted first in the thread. If that post fails, the update is tried again; a root
 * update then finds its thread started and posts only the description, twice if the
 * failed post went through after all. An update that started the thread on demand,
 * because its root update was given up, does not post the description again.
 *
 * <p>
 * Refusals an admin can put right (the bot left the channel, a revoked token) are tried
 * again with the outbox's growing waits, so that the update arrives once the setup is
 * fixed; refusals of the update itself are given up at once.
 */
@Component
@ConditionalOnSlackStaffChannel
class StaffDeskHandler implements OutboxHandler<StaffDeskUpdate> {

	private static final Logger log = LoggerFactory.getLogger(StaffDeskHandler.class);

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
			Map.entry("missing_scope", "add the chat:write scope to the Slack app and reinstall it"),
			Map.entry("no_permission", "let the bot post in the staff channel"),
			Map.entry("restricted_action", "let the bot post in the staff channel in the workspace settings"),
			Map.entry("team_access_not_granted", "grant the Slack app access to the staff channel's workspace"),
			Map.entry("ekm_access_denied", "ask the Enterprise Key Management admins to restore posting"));

	private final Tickets tickets;

	private final App app;

	private final String channel;

	StaffDeskHandler(Tickets tickets, App app, SlackProperties properties) {
		this.tickets = tickets;
		this.app = app;
		this.channel = properties.staffChannel();
	}

	@Override
	public String topic() {
		return StaffDeskUpdate.TOPIC;
	}

	@Override
	public Class<StaffDeskUpdate> payloadType() {
		return StaffDeskUpdate.class;
	}

	@Override
	public void deliver(StaffDeskUpdate update) throws DeliveryException {
		TicketSummary ticket = currentTicket(update.ticketId());
		switch (update.kind()) {
			case POST_ROOT -> postRoot(ticket);
			case REFRESH_ROOT -> refreshRoot(ticket);
			case POST_IN_THREAD -> postInThread(ticket, StaffDeskMessages.clientMessage(ticket, clientText(update)));
			case POST_STAFF_REPLY -> postInThread(ticket, webStaffReply(update));
			case POST_STATUS_NOTE -> postInThread(ticket, statusNote(statusChange(update)));
			case POST_DELIVERY_PROBLEM -> postInThread(ticket, StaffDeskMessages.deliveryProblem(problem(update)));
		}
	}

	private void postRoot(TicketSummary ticket) throws DeliveryException {
		String thread = ticket.staffThreadRef();
		if (thread != null) {
			log.debug("Ticket {} already has a staff thread", ticket.number());
			postFullDescription(ticket, thread);
			return;
		}
		startThread(ticket);
	}

	private String startThread(TicketSummary ticket) throws DeliveryException {
		ChatPostMessageResponse response = call("chat.postMessage",
				(client) -> client.chatPostMessage((r) -> r.channel(this.channel)
					.text(StaffDeskMessages.rootText(ticket))
					.blocks(StaffDeskMessages.root(ticket))));
		String thread = response.getTs();
		if (!StringUtils.hasText(thread)) {
			throw DeliveryException.permanent("chat.postMessage returned no ts", null);
		}

		this.tickets.attachStaffThread(ticket.id(), thread);
		log.debug("Ticket {} posted to the staff channel", ticket.number());

		postFullDescription(ticket, thread);
		return thread;
	}

	private void postFullDescription(TicketSummary ticket, String thread) throws DeliveryException {
		String text = StaffDeskMessages.fullDescription(ticket);
		if (text == null) {
			return;
		}
		call("chat.postMessage",
				(client) -> client.chatPostMessage((r) -> r.channel(this.channel).threadTs(thread).text(text)));
		log.debug("Ticket {} whole description posted in its thread", ticket.number());
	}

	private void refreshRoot(TicketSummary ticket) throws DeliveryException {
		if (ticket.staffThreadRef() == null) {
			startThread(ticket);
			return;
		}
		String thread = ticket.staffThreadRef();
		call("chat.update",
				(client) -> client.chatUpdate((r) -> r.channel(this.channel)
					.ts(thread)
					.text(StaffDeskMessages.rootText(ticket))
					.blocks(StaffDeskMessages.root(ticket))));
		log.debug("Ticket {} root message refreshed", ticket.number());
	}

	private void postInThread(TicketSummary ticket, String text) throws DeliveryException {
		String thread = (ticket.staffThreadRef() != null) ? ticket.staffThreadRef() : startThread(ticket);
		call("chat.postMessage",
				(client) -> client.chatPostMessage((r) -> r.channel(this.channel).threadTs(thread).text(text)));
		log.debug("Ticket {} thread updated", ticket.number());
	}

	private TicketSummary currentTicket(Long ticketId) throws DeliveryException {
		try {
			return this.tickets.summary(ticketId);
		}
		catch (TicketNotFoundException ex) {
			throw DeliveryException.permanent("ticket " + ticketId + " not found", ex);
		}
	}

	private String clientText(StaffDeskUpdate update) throws DeliveryException {
		return message(update).getBody();
	}

	/**
	 * An answer from the admin web, signed with its author's name as it is now.
	 */
	private String webStaffReply(StaffDeskUpdate update) throws DeliveryException {
		TicketMessage message = message(update);
		String author = message.getAuthorRef();
		String name = (author != null) ? this.tickets.staffMemberName(Actor.staff(author)).orElse(null) : null;
		return StaffDeskMessages.webStaffReply(name, message.getBody());
	}

	private String statusNote(StatusChange change) {
		Actor actor = new Actor(change.actorType(), change.actorRef());
		String name = this.tickets.staffMemberName(actor).orElse(null);
		return StaffDeskMessages.statusNote(change, name);
	}

	private TicketMessage message(StaffDeskUpdate update) throws DeliveryException {
		if (update.messageId() == null) {
			throw DeliveryException.permanent("update without a message id", null);
		}
		try {
			return this.tickets.message(update.messageId());
		}
		catch (IllegalArgumentException ex) {
			throw DeliveryException.permanent("message " + update.messageId() + " not found", ex);
		}
	}

	private static StatusChange statusChange(StaffDeskUpdate update) throws DeliveryException {
		if (update.statusChange() == null) {
			throw DeliveryException.permanent("status note without a status change", null);
		}
		return update.statusChange();
	}

	private static DeliveryProblem problem(StaffDeskUpdate update) throws DeliveryException {
		if (update.problem() == null) {
			throw DeliveryException.permanent("delivery problem note without a problem", null);
		}
		return update.problem();
	}

	private <T extends SlackApiTextResponse> T call(String method, SlackCall<T> call) throws DeliveryException {
		T response;
		try {
			response = call.on(this.app.client());
		}
		catch (IOException ex) {
			throw DeliveryException.retryable(method + " failed: " + ex.getClass().getSimpleName(), null, ex);
		}
		catch (SlackApiException ex) {
			throw rejected(method, ex);
		}
		if (!response.isOk()) {
			throw refused(method, response.getError(), retryAfter(response.getHttpResponseHeaders()));
		}
		return response;
	}

	private static DeliveryException rejected(String method, SlackApiException ex) {
		int status = ex.getResponse().code();
		Duration retryAfter = retryAfter(ex.getResponse().header("Retry-After"));
		if (status == 429 || status >= 500) {
			return DeliveryException.retryable(method + " answered HTTP " + status, retryAfter, ex);
		}
		String error = (ex.getError() != null) ? ex.getError().getError() : null;
		return (error != null) ? refused(method, error, retryAfter)
				: DeliveryException.permanent(method + " answered HTTP " + status, ex);
	}

	private static DeliveryException refused(String method, @Nullable String error, @Nullable Duration retryAfter) {
		String reason = method + " refused: " + error;
		if (error == null) {
			return DeliveryException.permanent(reason, null);
		}
		if (PASSING_ERRORS.contains(error)) {
			return DeliveryException.retryable(reason, retryAfter, null);
		}
		String fix = SETUP_ERRORS.get(error);
		if (fix != null) {
			log.warn("Slack refused {} with {}: {}, and the update will be tried again", method, error, fix);
			return DeliveryException.retryable(reason, null, null);
		}
		return DeliveryException.permanent(reason, null);
	}

	private static @Nullable Duration retryAfter(@Nullable Map<String, List<String>> headers) {
		List<String> values = (headers != null) ? headers.get("retry-after") : null;
		return (values != null && !values.isEmpty()) ? retryAfter(values.get(0)) : null;
	}

	private static @Nullable Duration retryAfter(@Nullable String seconds) {
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

	@FunctionalInterface
	private interface SlackCall<T> {

		T on(MethodsClient client) throws IOException, SlackApiException;

	}

}
