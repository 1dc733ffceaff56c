package es.kompanion.bot.slack.ticket;

import java.util.Optional;
import java.util.concurrent.Executor;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.response.chat.ChatPostEphemeralResponse;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.MessageFileShareEvent;
import com.slack.api.model.event.MessageThreadBroadcastEvent;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import es.kompanion.bot.delivery.InboundDeliveries;
import es.kompanion.bot.slack.ConditionalOnSlackStaffChannel;
import es.kompanion.bot.slack.SlackListeners;
import es.kompanion.bot.slack.SlackProperties;
import es.kompanion.bot.ticket.Actor;
import es.kompanion.bot.ticket.TicketSummary;
import es.kompanion.bot.ticket.Tickets;
import es.kompanion.bot.user.Staff;
import es.kompanion.bot.user.StaffRepository;

/**
 * Records what staff write in a ticket's thread as the staff's answer to the client. Each
 * message is recorded once, however often and under however many event ids Slack delivers
 * it; messages by bots, outside the staff channel or outside a ticket's thread are left
 * alone. A reply by someone who is not active staff registered with their Slack user
 * never reaches the client: its author is told so privately, once.
 */
@Component
@ConditionalOnSlackStaffChannel
class StaffThreadReplies implements SlackListeners {

	private static final Logger log = LoggerFactory.getLogger(StaffThreadReplies.class);

	static final String SOURCE = "SLACK";

	private static final String NOT_RECORDED = ":warning: No he podido guardar tu respuesta y el cliente no la ha "
			+ "recibido. Vuelve a enviarla en un momento.";

	private static final String FILES_NOT_SENT = ":paperclip: Los archivos no le llegan al cliente: de momento solo "
			+ "se envía el texto.";

	static final String NOT_STAFF = ":no_entry: No se ha enviado al cliente: no estás registrado como equipo.";

	private final Tickets tickets;

	private final InboundDeliveries deliveries;

	private final TransactionTemplate transactions;

	private final StaffRepository staff;

	private final String staffChannel;

	StaffThreadReplies(Tickets tickets, InboundDeliveries deliveries, TransactionTemplate transactions,
			StaffRepository staff, SlackProperties properties) {
		this.tickets = tickets;
		this.deliveries = deliveries;
		this.transactions = transactions;
		this.staff = staff;
		this.staffChannel = properties.staffChannel();
	}

	@Override
	public void registerOn(App app) {
		Executor background = app.executorService();
		app.event(MessageEvent.class, (payload, ctx) -> onMessage(ThreadReply.of(payload), ctx, background));
		app.event(MessageThreadBroadcastEvent.class,
				(payload, ctx) -> onMessage(ThreadReply.ofBroadcast(payload), ctx, background));
		app.event(MessageFileShareEvent.class,
				(payload, ctx) -> onMessage(ThreadReply.ofFileShare(payload), ctx, background));
	}

	Response onMessage(ThreadReply reply, EventContext ctx, Executor background) {
		if (!reply.isReplyIn(this.staffChannel) || !reply.isWrittenByPerson(ctx.getBotUserId())) {
			log.debug("Slack event {} is not a staff reply", reply.eventId());
			return ctx.ack();
		}
		try {
			Optional<TicketSummary> ticket = this.tickets.findByStaffThread(reply.threadTs());
			if (ticket.isEmpty()) {
				log.debug("Slack event {} is in a thread of no ticket", reply.eventId());
				return ctx.ack();
			}
			if (!isActiveStaff(reply.user())) {
				if (claim(reply)) {
					log.debug("Slack event {} is by someone who is not active staff; not sent", reply.eventId());
					background.execute(() -> tellAuthor(reply, ctx, NOT_STAFF));
				}
				return ctx.ack();
			}
			// Limitation: files staff share in a thread never reach the client.
			if (record(reply, ticket.get()) && reply.hasFiles()) {
				background.execute(() -> tellAuthor(reply, ctx, FILES_NOT_SENT));
			}
		}
		catch (RuntimeException ex) {
			log.error("Slack event {} could not be recorded as a staff reply", reply.eventId(), ex);
			background.execute(() -> tellAuthor(reply, ctx, NOT_RECORDED));
		}
		return ctx.ack();
	}

	private boolean isActiveStaff(@Nullable String slackUserId) {
		return slackUserId != null && this.staff.findBySlackUserId(slackUserId).filter(Staff::isActive).isPresent();
	}

	/**
	 * @return {@code false} if the event or its message was seen before
	 */
	private boolean claim(ThreadReply reply) {
		Boolean first = this.transactions.execute((status) -> this.deliveries.claim(SOURCE, reply.eventId())
				&& this.deliveries.claim(SOURCE, reply.messageKey()));
		return Boolean.TRUE.equals(first);
	}

	/**
	 * @return {@code false} if the event or its message was recorded before
	 */
	private boolean record(ThreadReply reply, TicketSummary ticket) {
		String text = Mrkdwn.toPlainText(reply.text()).strip();
		Boolean first = this.transactions.execute((status) -> {
			if (!this.deliveries.claim(SOURCE, reply.eventId()) || !this.deliveries.claim(SOURCE, reply.messageKey())) {
				return false;
			}
			if (!text.isEmpty()) {
				this.tickets.addStaffReply(ticket.id(), Actor.staff("slack:" + reply.user()), text, reply.ts());
			}
			return true;
		});
		if (!Boolean.TRUE.equals(first)) {
			log.debug("Slack event {} or its message was recorded before", reply.eventId());
			return false;
		}
		log.debug("Slack event {} recorded on ticket {}", reply.eventId(), ticket.number());
		return true;
	}

	private void tellAuthor(ThreadReply reply, EventContext ctx, String text) {
		try {
			ChatPostEphemeralResponse response = ctx.client()
				.chatPostEphemeral(
						(r) -> r.channel(reply.channel()).user(reply.user()).threadTs(reply.threadTs()).text(text));
			if (!response.isOk()) {
				log.warn("Note on Slack event {} not shown: {}", reply.eventId(), response.getError());
			}
		}
		catch (Exception ex) {
			log.warn("Note on Slack event {} not shown ({})", reply.eventId(), ex.getClass().getSimpleName());
		}
	}

}
