package es.kompanion.bot.slack.ticket;

import com.slack.api.bolt.App;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import es.kompanion.bot.delivery.DeliveryException;
import es.kompanion.bot.delivery.OutboxHandler;
import es.kompanion.bot.slack.ConditionalOnSlackStaffChannel;
import es.kompanion.bot.slack.SlackProperties;
import es.kompanion.bot.slack.ticket.SlackCalls.SlackCall;
import es.kompanion.bot.slack.ticket.StaffDeskUpdate.DeliveryProblem;
import es.kompanion.bot.slack.ticket.StaffDeskUpdate.StatusChange;
import es.kompanion.bot.ticket.Actor;
import es.kompanion.bot.ticket.Attachments;
import es.kompanion.bot.ticket.TicketAttachment;
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
 * Slack's refusals are sorted as {@link SlackCalls} describes: those an admin can put
 * right are tried again until the setup is fixed, those of the update itself are given up
 * at once.
 */
@Component
@ConditionalOnSlackStaffChannel
class StaffDeskHandler implements OutboxHandler<StaffDeskUpdate> {

	private static final Logger log = LoggerFactory.getLogger(StaffDeskHandler.class);

	private final Tickets tickets;

	private final Attachments attachments;

	private final App app;

	private final ThreadFileUploads uploads;

	private final String channel;

	StaffDeskHandler(Tickets tickets, Attachments attachments, App app, ThreadFileUploads uploads,
			SlackProperties properties) {
		this.tickets = tickets;
		this.attachments = attachments;
		this.app = app;
		this.uploads = uploads;
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
			case POST_FILE -> postFile(ticket, attachment(update));
			case POST_FILE_FAILED -> postInThread(ticket, fileFailed(attachment(update)));
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
		TicketSummary previous = this.tickets.previousOf(ticket.id()).orElse(null);
		ChatPostMessageResponse response = call("chat.postMessage",
				(client) -> client.chatPostMessage((r) -> r.channel(this.channel)
					.text(StaffDeskMessages.rootText(ticket, previous))
					.blocks(StaffDeskMessages.root(ticket, previous))));
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
		TicketSummary previous = this.tickets.previousOf(ticket.id()).orElse(null);
		call("chat.update",
				(client) -> client.chatUpdate((r) -> r.channel(this.channel)
					.ts(thread)
					.text(StaffDeskMessages.rootText(ticket, previous))
					.blocks(StaffDeskMessages.root(ticket, previous))));
		log.debug("Ticket {} root message refreshed", ticket.number());
	}

	private void postInThread(TicketSummary ticket, String text) throws DeliveryException {
		String thread = threadOf(ticket);
		call("chat.postMessage",
				(client) -> client.chatPostMessage((r) -> r.channel(this.channel).threadTs(thread).text(text)));
		log.debug("Ticket {} thread updated", ticket.number());
	}

	private void postFile(TicketSummary ticket, TicketAttachment attachment) throws DeliveryException {
		String thread = threadOf(ticket);
		this.uploads.upload(attachment, this.channel, thread, StaffDeskMessages.clientFile(ticket));
		log.debug("Ticket {} file posted in its thread", ticket.number());
	}

	private String threadOf(TicketSummary ticket) throws DeliveryException {
		return (ticket.staffThreadRef() != null) ? ticket.staffThreadRef() : startThread(ticket);
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

	private TicketAttachment attachment(StaffDeskUpdate update) throws DeliveryException {
		Long attachmentId = update.attachmentId();
		if (attachmentId == null) {
			throw DeliveryException.permanent("file update without an attachment id", null);
		}
		return this.attachments.find(attachmentId)
			.orElseThrow(() -> DeliveryException.permanent("attachment " + attachmentId + " not found", null));
	}

	private static String fileFailed(TicketAttachment attachment) {
		String reason = (attachment.getFailure() != null) ? attachment.getFailure() : "unknown";
		return StaffDeskMessages.fileFailed(attachment.getDirection(), attachment.getFileName(), reason);
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
		return SlackCalls.call(this.app.client(), method, call);
	}

}
