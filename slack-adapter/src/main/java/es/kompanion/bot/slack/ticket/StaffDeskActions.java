package es.kompanion.bot.slack.ticket;

import java.util.concurrent.Executor;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.response.chat.ChatPostEphemeralResponse;
import com.slack.api.webhook.WebhookResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import es.kompanion.bot.delivery.InboundDeliveries;
import es.kompanion.bot.slack.ConditionalOnSlackStaffChannel;
import es.kompanion.bot.slack.SlackListeners;
import es.kompanion.bot.slack.SlackProperties;
import es.kompanion.bot.ticket.Actor;
import es.kompanion.bot.ticket.TicketNotFoundException;
import es.kompanion.bot.ticket.Tickets;
import es.kompanion.bot.user.Staff;
import es.kompanion.bot.user.StaffRepository;

/**
 * Moves a ticket when staff press a button under its root message. Only active staff
 * registered with their Slack user may; anyone else in the channel is told so privately
 * and nothing changes. The press is acknowledged at once; when it changes nothing, the
 * person who pressed gets a short private note. The root message itself is refreshed
 * through the outbox, like any other status change.
 */
@Component
@ConditionalOnSlackStaffChannel
class StaffDeskActions implements SlackListeners {

	private static final Logger log = LoggerFactory.getLogger(StaffDeskActions.class);

	private static final String NOT_FOUND = ":warning: No encuentro esta consulta; no he cambiado nada.";

	private static final String NOT_ALLOWED = ":no_entry: Ese cambio no es posible en el estado actual de la "
			+ "consulta.";

	private static final String UNCHANGED = "La consulta ya estaba así; no he cambiado nada.";

	static final String NOT_STAFF = ":no_entry: No tienes permiso para cambiar consultas. Pide a un administrador "
			+ "que te registre como equipo con tu usuario de Slack.";

	private static final String FAILED = ":warning: No he podido cambiar la consulta. Inténtalo de nuevo en un "
			+ "momento.";

	private final Tickets tickets;

	private final InboundDeliveries deliveries;

	private final TransactionTemplate transactions;

	private final StaffRepository staff;

	private final String staffChannel;

	StaffDeskActions(Tickets tickets, InboundDeliveries deliveries, TransactionTemplate transactions,
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
		for (TicketButton button : TicketButton.values()) {
			app.blockAction(button.actionId(), (request, ctx) -> onPress(button, request, ctx, background));
		}
	}

	Response onPress(TicketButton button, BlockActionRequest request, ActionContext ctx, Executor background) {
		Press press = Press.of(request.getPayload());
		if (press == null || !this.staffChannel.equals(press.channelId())) {
			log.debug("Button {} pressed outside the staff channel, or without a ticket", button.actionId());
			return ctx.ack();
		}
		String refusal = refusalFor(press.userId());
		String note = (refusal != null) ? refusal : apply(button, press);
		if (note != null) {
			background.execute(() -> tell(press, ctx, note));
		}
		return ctx.ack();
	}

	/**
	 * Why the Slack user may not move tickets, or {@code null} if they are active staff.
	 */
	private @Nullable String refusalFor(String slackUserId) {
		try {
			if (this.staff.findBySlackUserId(slackUserId).filter(Staff::isActive).isPresent()) {
				return null;
			}
			log.debug("Slack user {} pressed a ticket button but is not active staff", slackUserId);
			return NOT_STAFF;
		}
		catch (RuntimeException ex) {
			log.error("Could not check whether Slack user {} is staff", slackUserId, ex);
			return FAILED;
		}
	}

	private @Nullable String apply(TicketButton button, Press press) {
		Long ticketId = press.ticketId();
		if (ticketId == null) {
			return NOT_FOUND;
		}
		try {
			Outcome outcome = change(button, press, ticketId);
			log.debug("Button {} on ticket {}: {}", button.actionId(), ticketId, outcome);
			return (outcome == Outcome.UNCHANGED) ? UNCHANGED : null;
		}
		catch (TicketNotFoundException ex) {
			log.debug("Button {} pressed on missing ticket {}", button.actionId(), ticketId);
			return NOT_FOUND;
		}
		catch (IllegalStateException ex) {
			log.debug("Button {} refused on ticket {}", button.actionId(), ticketId);
			return NOT_ALLOWED;
		}
		catch (RuntimeException ex) {
			log.error("Button {} on ticket {} failed", button.actionId(), ticketId, ex);
			return FAILED;
		}
	}

	/**
	 * Changes the status in one transaction. Two presses at the same moment race for the
	 * ticket row; the loser is run once more and then finds the status already set.
	 */
	private @Nullable Outcome change(TicketButton button, Press press, Long ticketId) {
		for (int attempt = 1;; attempt++) {
			try {
				return this.transactions.execute((status) -> {
					if (!this.deliveries.claim(StaffThreadReplies.SOURCE, press.deliveryId())) {
						return Outcome.SEEN_BEFORE;
					}
					boolean changed = this.tickets.changeStatus(ticketId, button.target(),
							Actor.staff("slack:" + press.userId()));
					return changed ? Outcome.CHANGED : Outcome.UNCHANGED;
				});
			}
			catch (ConcurrencyFailureException ex) {
				if (attempt >= 2) {
					throw ex;
				}
				log.debug("Button {} on ticket {} lost a race; trying again", button.actionId(), ticketId);
			}
		}
	}

	private void tell(Press press, ActionContext ctx, String text) {
		try {
			if (ctx.getResponseUrl() != null) {
				WebhookResponse response = ctx
					.respond((r) -> r.responseType("ephemeral").replaceOriginal(false).text(text));
				if (response.getCode() == null || response.getCode() != 200) {
					log.warn("Note on button press {} not shown: HTTP {}", press.deliveryId(), response.getCode());
				}
				return;
			}
			ChatPostEphemeralResponse response = ctx.client()
				.chatPostEphemeral((r) -> r.channel(press.channelId()).user(press.userId()).text(text));
			if (!response.isOk()) {
				log.warn("Note on button press {} not shown: {}", press.deliveryId(), response.getError());
			}
		}
		catch (Exception ex) {
			log.warn("Note on button press {} not shown ({})", press.deliveryId(), ex.getClass().getSimpleName());
		}
	}

	private enum Outcome {

		CHANGED, UNCHANGED, SEEN_BEFORE

	}

	/**
	 * One press of a button: who, where, on which ticket.
	 *
	 * @param ticketId the button's value, or {@code null} if it is not a ticket id
	 */
	private record Press(String userId, String channelId, String actionTs, @Nullable Long ticketId) {

		static @Nullable Press of(BlockActionPayload payload) {
			if (payload.getUser() == null || payload.getChannel() == null || payload.getActions() == null
					|| payload.getActions().isEmpty()) {
				return null;
			}
			BlockActionPayload.Action action = payload.getActions().get(0);
			return new Press(payload.getUser().getId(), payload.getChannel().getId(), action.getActionTs(),
					parseId(action.getValue()));
		}

		String deliveryId() {
			return "action:" + this.actionTs + ":" + this.userId;
		}

		private static @Nullable Long parseId(@Nullable String value) {
			try {
				return (value != null) ? Long.valueOf(value) : null;
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}

	}

}
