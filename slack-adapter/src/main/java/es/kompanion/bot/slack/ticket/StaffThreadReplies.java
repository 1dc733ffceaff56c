package es.kompanion.bot.slack.ticket;

import java.util.List;
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
import es.kompanion.bot.file.FilePolicy;
import es.kompanion.bot.slack.ConditionalOnSlackStaffChannel;
import es.kompanion.bot.slack.SlackListeners;
import es.kompanion.bot.slack.SlackProperties;
import es.kompanion.bot.ticket.Actor;
import es.kompanion.bot.ticket.IncomingFile;
import es.kompanion.bot.ticket.TicketSummary;
import es.kompanion.bot.ticket.Tickets;
import es.kompanion.bot.user.Channel;
import es.kompanion.bot.user.Staff;
import es.kompanion.bot.user.StaffRepository;

/**
 * Records what staff write in a ticket's thread as the staff's answer to the client. Each
 * message is recorded once, however often and under however many event ids Slack delivers
 * it; messages by bots, outside the staff channel or outside a ticket's thread are left
 * alone. A reply by someone who is not active staff registered with their Slack user
 * never reaches the client: its author is told so privately, once.
 *
 * <p>
 * Files shared with a reply go to the client if the firm's file policy takes them; they
 * are fetched from Slack afterwards, through the outbox. The author is told privately,
 * once, which files did not go and why.
 */
@Component
@ConditionalOnSlackStaffChannel
class StaffThreadReplies implements SlackListeners {

	private static final Logger log = LoggerFactory.getLogger(StaffThreadReplies.class);

	static final String SOURCE = "SLACK";

	private static final String NOT_RECORDED = ":warning: No he podido guardar tu respuesta y el cliente no la ha "
			+ "recibido. Vuelve a enviarla en un momento.";

	static final String NOT_STAFF = ":no_entry: No se ha enviado al cliente: no estás registrado como equipo.";

	private final Tickets tickets;

	private final InboundDeliveries deliveries;

	private final TransactionTemplate transactions;

	private final StaffRepository staff;

	private final FilePolicy policy;

	private final String staffChannel;

	StaffThreadReplies(Tickets tickets, InboundDeliveries deliveries, TransactionTemplate transactions,
			StaffRepository staff, FilePolicy policy, SlackProperties properties) {
		this.tickets = tickets;
		this.deliveries = deliveries;
		this.transactions = transactions;
		this.staff = staff;
		this.policy = policy;
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
			JudgedFiles files = JudgedFiles.judge(reply.files(), this.policy);
			Recorded recorded = record(reply, ticket.get(), files.accepted());
			if (recorded != Recorded.SEEN_BEFORE && !files.refused().isEmpty()) {
				String note = StaffDeskMessages.filesNotSent(files.refused(), this.policy.maxBytes(),
						recorded == Recorded.SENT);
				background.execute(() -> tellAuthor(reply, ctx, note));
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
	 * The name of a registered staff member mentioned in a reply, so the client reads who
	 * was meant; anybody else is left out.
	 */
	private String staffName(String slackUserId) {
		return this.staff.findBySlackUserId(slackUserId).map(Staff::getFullName).orElse("");
	}

	/**
	 * @return {@code false} if the event or its message was seen before
	 */
	private boolean claim(ThreadReply reply) {
		Boolean first = this.transactions.execute((status) -> this.deliveries.claim(SOURCE, reply.eventId())
				&& this.deliveries.claim(SOURCE, reply.messageKey()));
		return Boolean.TRUE.equals(first);
	}

	private Recorded record(ThreadReply reply, TicketSummary ticket, List<IncomingFile> files) {
		String text = Mrkdwn.toPlainText(reply.text(), this::staffName).strip();
		boolean sends = !text.isEmpty() || !files.isEmpty();
		Boolean first = this.transactions.execute((status) -> {
			if (!this.deliveries.claim(SOURCE, reply.eventId()) || !this.deliveries.claim(SOURCE, reply.messageKey())) {
				return false;
			}
			if (sends) {
				this.tickets.addStaffReply(ticket.id(), Actor.staff("slack:" + reply.user()), text, reply.ts(), files,
						Channel.SLACK);
			}
			return true;
		});
		if (!Boolean.TRUE.equals(first)) {
			log.debug("Slack event {} or its message was recorded before", reply.eventId());
			return Recorded.SEEN_BEFORE;
		}
		log.debug("Slack event {} recorded on ticket {} with {} files", reply.eventId(), ticket.number(), files.size());
		return sends ? Recorded.SENT : Recorded.NOTHING_TO_SEND;
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

	private enum Recorded {

		/** The text or files were recorded and go to the client. */
		SENT,
		/** Nothing of the message can go to the client. */
		NOTHING_TO_SEND,
		/** The event or its message was recorded before. */
		SEEN_BEFORE

	}

}
