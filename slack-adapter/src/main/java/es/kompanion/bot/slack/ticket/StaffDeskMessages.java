package es.kompanion.bot.slack.ticket;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

import es.kompanion.bot.file.FilePolicy.Verdict;
import es.kompanion.bot.slack.ticket.JudgedFiles.Refusal;
import es.kompanion.bot.slack.ticket.StaffDeskUpdate.DeliveryProblem;
import es.kompanion.bot.slack.ticket.StaffDeskUpdate.StatusChange;
import es.kompanion.bot.ticket.AttachmentDirection;
import es.kompanion.bot.ticket.AuthorType;
import es.kompanion.bot.user.Department;
import es.kompanion.bot.ticket.TicketStatus;
import es.kompanion.bot.ticket.TicketSummary;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

/**
 * What staff read in the staff channel, in Spanish: a ticket's root message, the client's
 * messages and files and the answers written in the admin web in its thread, and the
 * notes about status changes, failed deliveries and files that could not be fetched.
 */
final class StaffDeskMessages {

	static final String ACTIONS_BLOCK = "ticket_actions";

	/** Block Kit's limit for the text of a section. */
	private static final int SECTION_LIMIT = 3000;

	/** Slack cuts longer messages; staying under it avoids {@code msg_too_long}. */
	private static final int MESSAGE_LIMIT = 39_000;

	private static final int FIELD_LIMIT = 300;

	private static final String DESCRIPTION_TITLE = "*Descripción*\n";

	/**
	 * What the root message has room for, after the title, of the escaped description.
	 */
	private static final int DESCRIPTION_LIMIT = SECTION_LIMIT - DESCRIPTION_TITLE.length();

	private static final String FULL_DESCRIPTION_TITLE = ":page_facing_up: *Descripción completa*\n";

	private static final Pattern SLACK_USER = Pattern.compile("slack:([A-Z0-9]+)");

	private static final Pattern WEB_STAFF = Pattern.compile("staff:[0-9]+");

	private static final DateTimeFormatter FALLBACK_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private StaffDeskMessages() {
	}

	/**
	 * @param previous the closed ticket this one continues, if any
	 */
	static List<LayoutBlock> root(TicketSummary ticket, @Nullable TicketSummary previous) {
		List<LayoutBlock> blocks = new ArrayList<>();
		blocks.add(header((h) -> h.text(plainText(ticket.label() + " · " + department(ticket.department()), true))));
		blocks.add(section((s) -> s.fields(facts(ticket, previous))));
		blocks.add(section((s) -> s.blockId("ticket_description")
			.text(markdownText(DESCRIPTION_TITLE + Mrkdwn.escape(ticket.description(), DESCRIPTION_LIMIT)))));
		blocks.add(actions((a) -> a.blockId(ACTIONS_BLOCK).elements(buttons(ticket))));
		blocks.add(context((c) -> c
			.elements(List.of(markdownText("Responde en este hilo: tu respuesta le llega al cliente en su chat.")))));
		return blocks;
	}

	/**
	 * The whole description, to go first in the thread, when the root message shows only
	 * its start.
	 * @return {@code null} when the root message shows it whole
	 */
	static @Nullable String fullDescription(TicketSummary ticket) {
		String escaped = Mrkdwn.escape(ticket.description());
		if (escaped.length() <= DESCRIPTION_LIMIT) {
			return null;
		}
		return FULL_DESCRIPTION_TITLE
				+ Mrkdwn.escape(ticket.description(), MESSAGE_LIMIT - FULL_DESCRIPTION_TITLE.length());
	}

	/**
	 * The plain text of the root message, shown in notifications and where blocks are
	 * not.
	 */
	static String rootText(TicketSummary ticket, @Nullable TicketSummary previous) {
		String text = ticket.label() + " · " + department(ticket.department()) + " · " + status(ticket.status()) + " · "
				+ Mrkdwn.escape(ticket.clientName(), FIELD_LIMIT);
		return (previous != null) ? text + " · continúa la " + previous.label() : text;
	}

	static String clientMessage(TicketSummary ticket, String body) {
		String author = ":bust_in_silhouette: *" + Mrkdwn.escape(ticket.clientName(), FIELD_LIMIT) + "*: ";
		return author + Mrkdwn.escape(body, MESSAGE_LIMIT - author.length());
	}

	/**
	 * What is shown with a file the client sent.
	 */
	static String clientFile(TicketSummary ticket) {
		return ":paperclip: Archivo enviado por *" + Mrkdwn.escape(ticket.clientName(), FIELD_LIMIT) + "*";
	}

	/**
	 * A private note to a staff member about the files of their reply that did not go to
	 * the client.
	 * @param maxBytes the largest file the firm takes
	 * @param restSent whether the text or other files of the reply went
	 */
	static String filesNotSent(List<Refusal> refused, long maxBytes, boolean restSent) {
		StringBuilder note = new StringBuilder(":no_entry_sign: No le ha llegado al cliente:");
		for (Refusal refusal : refused) {
			String why = (refusal.verdict() == Verdict.TOO_LARGE) ? "pesa más de " + FileSizes.megabytes(maxBytes)
					: "ese tipo de archivo no está permitido";
			note.append("\n• «").append(Mrkdwn.escape(refusal.fileName(), FIELD_LIMIT)).append("»: ").append(why);
		}
		if (restSent) {
			note.append("\nEl resto de tu respuesta sí se ha enviado.");
		}
		return note.toString();
	}

	/**
	 * A file that could not be fetched: from the client, staff never get it; from staff,
	 * the client never does.
	 * @param reason what the channel the file came from said
	 */
	static String fileFailed(AttachmentDirection direction, String fileName, String reason) {
		String name = "«" + Mrkdwn.escape(fileName, FIELD_LIMIT) + "»";
		String why = " (motivo técnico: " + Mrkdwn.escape(reason, FIELD_LIMIT) + ")";
		if (direction == AttachmentDirection.FROM_CLIENT) {
			return ":warning: No se ha podido recibir el archivo " + name + " del cliente" + why
					+ ". Si lo necesitas, pide al cliente que lo envíe de nuevo o que comparta un enlace.";
		}
		return ":warning: El archivo " + name + " no le ha llegado al cliente" + why
				+ ". Envíalo de nuevo o compártelo como enlace.";
	}

	/**
	 * A staff answer written in the admin web, so that the thread shows the whole
	 * conversation.
	 * @param staffName who wrote it, if they are still known
	 */
	static String webStaffReply(@Nullable String staffName, String body) {
		String name = StringUtils.hasText(staffName) ? Mrkdwn.escape(staffName, FIELD_LIMIT) : "Equipo (web)";
		String author = ":globe_with_meridians: *" + name + "* (desde la web): ";
		return author + Mrkdwn.escape(body, MESSAGE_LIMIT - author.length());
	}

	/**
	 * @param webStaffName the name of the staff member who made the change in the admin
	 * web, if they did and are still known
	 */
	static String statusNote(StatusChange change, @Nullable String webStaffName) {
		String what = switch (change.to()) {
			case CLOSED -> ":lock: Cerrada";
			case PENDING_CLIENT -> ":hourglass_flowing_sand: Pendiente de cliente";
			case OPEN ->
				(change.from() == TicketStatus.CLOSED) ? ":unlock: Reabierta" : ":arrow_forward: De nuevo en curso";
		};
		return what + " " + byWhom(change, webStaffName);
	}

	static String deliveryProblem(DeliveryProblem problem) {
		return ":warning: El último mensaje no le ha llegado al cliente por " + channelName(problem.channel()) + ": "
				+ explain(problem.reason()) + ". Habrá que contactar por otra vía.";
	}

	/**
	 * The platform's reason in words staff understand, for the reasons that are known;
	 * any other is quoted as it came.
	 */
	private static String explain(String reason) {
		String lowerCase = reason.toLowerCase(Locale.ROOT);
		if (lowerCase.contains("blocked")) {
			return "el cliente ha bloqueado el bot";
		}
		if (lowerCase.contains("deactivated")) {
			return "la cuenta del cliente está desactivada";
		}
		if (lowerCase.contains("chat not found")) {
			return "el chat del cliente ya no existe";
		}
		return "motivo técnico: «" + Mrkdwn.escape(reason, FIELD_LIMIT) + "»";
	}

	private static String channelName(String channel) {
		return switch (channel) {
			case "TELEGRAM" -> "Telegram";
			case "SLACK" -> "Slack";
			case "WEB" -> "la web";
			default -> Mrkdwn.escape(channel, FIELD_LIMIT);
		};
	}

	private static String byWhom(StatusChange change, @Nullable String webStaffName) {
		if (change.actorType() == AuthorType.CLIENT) {
			return "por el cliente";
		}
		if (change.actorType() == AuthorType.SYSTEM) {
			return "automáticamente";
		}
		Matcher slackUser = SLACK_USER.matcher(change.actorRef());
		if (slackUser.matches()) {
			return "por <@" + slackUser.group(1) + ">";
		}
		if (WEB_STAFF.matcher(change.actorRef()).matches()) {
			return StringUtils.hasText(webStaffName) ? "por " + Mrkdwn.escape(webStaffName, FIELD_LIMIT) + " (web)"
					: "por el equipo (web)";
		}
		return "por el equipo";
	}

	static String department(Department department) {
		return switch (department) {
			case ACCOUNTING_TAX -> "Contabilidad / Fiscal";
			case LABOUR -> "Laboral";
			case INTEGRATIONS -> "Integraciones";
			case OTHER -> "Otros";
		};
	}

	static String status(TicketStatus status) {
		return switch (status) {
			case OPEN -> "🟢 Abierto";
			case PENDING_CLIENT -> "🟡 Pendiente de cliente";
			case CLOSED -> "🔴 Cerrado";
		};
	}

	private static List<TextObject> facts(TicketSummary ticket, @Nullable TicketSummary previous) {
		String company = StringUtils.hasText(ticket.company()) ? Mrkdwn.escape(ticket.company(), FIELD_LIMIT) : "—";
		long opened = ticket.createdAt().getEpochSecond();
		String date = "<!date^" + opened + "^{date_short_pretty} {time}|" + FALLBACK_DATE.format(ticket.createdAt())
				+ ">";
		List<TextObject> facts = new ArrayList<>(
				List.of(markdownText("*Cliente*\n" + Mrkdwn.escape(ticket.clientName(), FIELD_LIMIT)),
						markdownText("*Empresa*\n" + company), markdownText("*Estado*\n" + status(ticket.status())),
						markdownText("*Abierta*\n" + date)));
		if (previous != null) {
			facts.add(markdownText(
					"*Continúa*\n:leftwards_arrow_with_hook: la consulta " + previous.label() + ", ya cerrada"));
		}
		return facts;
	}

	private static List<BlockElement> buttons(TicketSummary ticket) {
		List<BlockElement> buttons = new ArrayList<>();
		for (TicketButton each : TicketButton.shownFor(ticket.status())) {
			buttons.add(button((b) -> b.actionId(each.actionId())
				.text(plainText(each.label()))
				.value(String.valueOf(ticket.id()))
				.style(each.style())));
		}
		return buttons;
	}

}
