package es.kompanion.bot.conversation;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import es.kompanion.bot.user.Department;

/**
 * An inbound input decoded into a machine event and its arguments. Also encodes the
 * button actions the engine hands out, so both directions live in one place. Codes are
 * short ASCII so that they fit Telegram's 64-byte callback data whatever the ids.
 */
record Signal(ConversationEvent event, @Nullable String argument, @Nullable String text) {

	static final String MENU = "m";

	static final String CANCEL = "x";

	static final String NEW_TICKET = "n";

	static final String MY_TICKETS = "l";

	static final String CONFIRM = "ok";

	static final String CHANGE_DEPARTMENT = "cd";

	static final String CHANGE_TEXT = "ct";

	static final String NEW_TICKET_FROM_TEXT = "nt";

	static final String SKIP = "sk";

	static final String RESOURCES = "rs";

	static final String FAQ = "fq";

	static final String CALENDAR = "ca";

	static final String HELP = "h";

	static final String SEARCH = "q";

	static final String NEW_TICKET_ANYWAY = "nn";

	static final String UNLINK_CONFIRMED = "ul";

	static String searchPage(int page) {
		return "qp:" + page;
	}

	static String language(String language) {
		return "lg:" + language;
	}

	static String faqDepartment(Department department) {
		return "fd:" + department.ordinal();
	}

	/**
	 * A page of the client's tickets: {@code A}ll, {@code O}pen, {@code P}ending or
	 * {@code C}losed.
	 */
	static String ticketPage(char filter, int page) {
		return "lf:" + filter + ":" + page;
	}

	static String ticket(Long ticketId) {
		return "t:" + ticketId;
	}

	static String closeTicket(Long ticketId) {
		return "cl:" + ticketId;
	}

	static String askRating(Long ticketId) {
		return "rq:" + ticketId;
	}

	static String faqEntry(Long entryId) {
		return "fa:" + entryId;
	}

	static String department(Department department) {
		return "d:" + department.ordinal();
	}

	static String replyTo(Long ticketId) {
		return "r:" + ticketId;
	}

	static String addTo(Long ticketId) {
		return "a:" + ticketId;
	}

	static String rate(Long ticketId, int rating) {
		return "s:" + ticketId + ":" + rating;
	}

	static Signal decode(Inbound inbound) {
		if (inbound.choice() != null) {
			return decodeChoice(inbound.choice());
		}
		String text = (inbound.text() != null) ? inbound.text().strip() : "";
		if (text.startsWith("/")) {
			return decodeCommand(text);
		}
		if (inbound.replyToRef() != null && (!text.isEmpty() || !inbound.files().isEmpty())) {
			return new Signal(ConversationEvent.QUOTED_REPLY, inbound.replyToRef(), text);
		}
		if (text.isEmpty()) {
			return inbound.files().isEmpty() ? of(ConversationEvent.UNKNOWN) : of(ConversationEvent.FILES);
		}
		return new Signal(ConversationEvent.TEXT, null, inbound.text());
	}

	private static Signal decodeCommand(String text) {
		String[] words = text.split("\\s+", 2);
		String command = words[0].toLowerCase(Locale.ROOT);
		int mention = command.indexOf('@');
		if (mention > 0) {
			command = command.substring(0, mention);
		}
		return switch (command) {
			case "/start", "/menu", "/inicio" -> of(ConversationEvent.MENU);
			case "/cancel", "/cancelar" -> of(ConversationEvent.CANCEL);
			case "/new", "/nueva", "/nuevo" -> of(ConversationEvent.NEW_TICKET);
			case "/tickets", "/consultas" -> of(ConversationEvent.MY_TICKETS);
			case "/ayuda", "/help" -> of(ConversationEvent.HELP);
			case "/estado", "/status" -> new Signal(ConversationEvent.TICKET_BY_NUMBER,
					(words.length > 1) ? words[1].strip().replaceFirst("^#", "") : "", null);
			case "/recursos", "/resources" -> of(ConversationEvent.RESOURCES);
			case "/faq" -> of(ConversationEvent.FAQ);
			case "/calendario", "/calendar" -> of(ConversationEvent.CALENDAR);
			case "/buscar", "/search" -> new Signal(ConversationEvent.SEARCH, null,
					(words.length > 1 && !words[1].isBlank()) ? words[1].strip() : null);
			case "/idioma", "/language" -> of(ConversationEvent.LANGUAGE);
			case "/desvincular", "/unlink" -> of(ConversationEvent.UNLINK);
			case "/email", "/correo" -> of(ConversationEvent.EMAIL_CHANGE);
			default -> of(ConversationEvent.UNKNOWN);
		};
	}

	private static Signal decodeChoice(String code) {
		String[] parts = code.split(":", 3);
		try {
			return switch (parts[0]) {
				case MENU -> of(ConversationEvent.MENU);
				case CANCEL -> of(ConversationEvent.CANCEL);
				case NEW_TICKET -> of(ConversationEvent.NEW_TICKET);
				case MY_TICKETS -> of(ConversationEvent.MY_TICKETS);
				case CONFIRM -> of(ConversationEvent.CONFIRM);
				case CHANGE_DEPARTMENT -> of(ConversationEvent.CHANGE_DEPARTMENT);
				case CHANGE_TEXT -> of(ConversationEvent.CHANGE_TEXT);
				case NEW_TICKET_FROM_TEXT -> of(ConversationEvent.NEW_TICKET_FROM_TEXT);
				case SKIP -> of(ConversationEvent.SKIP);
				case RESOURCES -> of(ConversationEvent.RESOURCES);
				case FAQ -> of(ConversationEvent.FAQ);
				case CALENDAR -> of(ConversationEvent.CALENDAR);
				case HELP -> of(ConversationEvent.HELP);
				case SEARCH -> of(ConversationEvent.SEARCH);
				case NEW_TICKET_ANYWAY -> of(ConversationEvent.NEW_TICKET_ANYWAY);
				case UNLINK_CONFIRMED -> of(ConversationEvent.UNLINK_CONFIRMED);
				case "qp" ->
					new Signal(ConversationEvent.SEARCH_PAGE, String.valueOf(Integer.parseInt(parts[1])), null);
				case "lg" -> ("en".equals(parts[1]) || "es".equals(parts[1]))
						? new Signal(ConversationEvent.LANGUAGE, parts[1], null) : of(ConversationEvent.UNKNOWN);
				case "fd" -> new Signal(ConversationEvent.FAQ_DEPARTMENT,
						Department.values()[Integer.parseInt(parts[1])].name(), null);
				case "lf" -> new Signal(ConversationEvent.MY_TICKETS, "AOPC".indexOf(parts[1].charAt(0)) >= 0
						? parts[1].charAt(0) + ":" + Integer.parseInt(parts[2]) : "A:0", null);
				case "t" -> new Signal(ConversationEvent.TICKET_DETAIL, String.valueOf(Long.parseLong(parts[1])), null);
				case "cl" -> new Signal(ConversationEvent.CLOSE_TICKET, String.valueOf(Long.parseLong(parts[1])), null);
				case "rq" -> new Signal(ConversationEvent.ASK_RATING, String.valueOf(Long.parseLong(parts[1])), null);
				case "fa" -> new Signal(ConversationEvent.FAQ_ENTRY, String.valueOf(Long.parseLong(parts[1])), null);
				case "d" -> new Signal(ConversationEvent.DEPARTMENT,
						Department.values()[Integer.parseInt(parts[1])].name(), null);
				case "r" -> new Signal(ConversationEvent.REPLY_TO, String.valueOf(Long.parseLong(parts[1])), null);
				case "a" -> new Signal(ConversationEvent.ADD_TO_TICKET, String.valueOf(Long.parseLong(parts[1])), null);
				case "s" -> new Signal(ConversationEvent.RATE,
						Long.parseLong(parts[1]) + ":" + Integer.parseInt(parts[2]), null);
				default -> of(ConversationEvent.UNKNOWN);
			};
		}
		catch (RuntimeException ex) {
			return of(ConversationEvent.UNKNOWN);
		}
	}

	private static Signal of(ConversationEvent event) {
		return new Signal(event, null, null);
	}

}
