package es.kompanion.bot.slack.ticket;

import java.util.List;

import org.jspecify.annotations.Nullable;

import es.kompanion.bot.ticket.TicketStatus;

/**
 * The buttons under a ticket's root message, each moving the ticket to one status.
 */
enum TicketButton {

	PENDING("ticket_pending", "Pendiente de cliente", TicketStatus.PENDING_CLIENT, null),

	CLOSE("ticket_close", "Cerrar", TicketStatus.CLOSED, "danger"),

	REOPEN("ticket_reopen", "Reabrir", TicketStatus.OPEN, null);

	private final String actionId;

	private final String label;

	private final TicketStatus target;

	private final @Nullable String style;

	TicketButton(String actionId, String label, TicketStatus target, @Nullable String style) {
		this.actionId = actionId;
		this.label = label;
		this.target = target;
		this.style = style;
	}

	String actionId() {
		return this.actionId;
	}

	String label() {
		return this.label;
	}

	TicketStatus target() {
		return this.target;
	}

	@Nullable String style() {
		return this.style;
	}

	static List<TicketButton> shownFor(TicketStatus status) {
		return (status == TicketStatus.CLOSED) ? List.of(REOPEN) : List.of(PENDING, CLOSE);
	}

}
