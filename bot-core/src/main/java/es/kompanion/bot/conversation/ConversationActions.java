package es.kompanion.bot.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.domain.PageRequest;
import org.springframework.statemachine.StateContext;
import org.springframework.statemachine.action.Action;
import org.springframework.statemachine.guard.Guard;
import org.springframework.stereotype.Component;

import es.kompanion.bot.CoreProperties;
import es.kompanion.bot.mail.Mailer;
import es.kompanion.bot.resource.Resources;
import es.kompanion.bot.survey.RatingOutcome;
import es.kompanion.bot.survey.Surveys;
import es.kompanion.bot.user.ChatAccount;
import es.kompanion.bot.user.ChatIdentity;
import es.kompanion.bot.user.Clients;
import es.kompanion.bot.user.Department;
import es.kompanion.bot.user.LinkedClient;
import es.kompanion.bot.ticket.Actor;
import es.kompanion.bot.ticket.ClientPost;
import es.kompanion.bot.ticket.ClientPostOutcome;
import es.kompanion.bot.ticket.IncomingFile;
import es.kompanion.bot.ticket.TicketStatus;
import es.kompanion.bot.ticket.TicketSummary;
import es.kompanion.bot.ticket.Tickets;

/**
 * The actions and guards of the conversation machine. Each action speaks through the
 * {@link Turn}; an unexpected exception is kept on the turn so the engine can roll the
 * whole turn back instead of the machine swallowing it.
 */
@Component
class ConversationActions {

	private static final Logger log = LoggerFactory.getLogger(ConversationActions.class);

	static final String DEPARTMENT = "department";

	static final String DESCRIPTION = "description";

	static final String CANDIDATE = "candidate";

	static final String TICKET = "ticketId";

	static final String PENDING_TEXT = "pendingText";

	static final String RATED = "rated";

	static final String DRAFT_FILES = "draftFiles";

	static final String PENDING_FILES = "pendingFiles";

	static final String PENDING_REF = "pendingRef";

	static final String CANDIDATE_REF = "candidateRef";

	static final String DESCRIPTION_REF = "descriptionRef";

	static final String SEARCH_QUERY = "searchQuery";

	static final String OFFERED = "offeredTicket";

	private static final int WHICH_TICKET_CHOICES = 5;

	private static final int CALENDAR_DAYS = 30;

	private static final int MAX_QUERY = 100;

	private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

	private final Tickets tickets;

	private final Surveys surveys;

	private final Replies replies;

	private final Resources resources;

	private final Clock clock;

	private final int minLength;

	private final int maxLength;

	private final Duration recentWindow;

	private final Clients clients;

	private final Mailer mailer;

	ConversationActions(Tickets tickets, Surveys surveys, Replies replies, Resources resources, Clock clock,
			CoreProperties properties, Clients clients, Mailer mailer) {
		this.mailer = mailer;
		this.clients = clients;
		this.recentWindow = properties.recentTicketWindow();
		this.tickets = tickets;
		this.surveys = surveys;
		this.replies = replies;
		this.resources = resources;
		this.clock = clock;
		this.minLength = properties.descriptionMinLength();
		this.maxLength = properties.descriptionMaxLength();
	}

	Action<ConversationState, ConversationEvent> showMenu() {
		return act((turn, vars) -> {
			vars.clear();
			turn.say(this.replies.menu(turn.locale(), turn.client()));
		});
	}

	/**
	 * Resources, FAQ, the fiscal calendar and help can be looked up at any step: the
	 * answer comes, and then the step the client was in is asked again, draft kept.
	 */
	Action<ConversationState, ConversationEvent> lookUp() {
		return (context) -> act((turn, vars) -> {
			turn.say(lookUpReply(turn, vars));
			ConversationState step = context.getSource().getId();
			if (step != ConversationState.IDLE) {
				prompt(step, turn, vars);
			}
		}).execute(context);
	}

	private Reply lookUpReply(Turn turn, Map<String, String> vars) {
		Locale locale = turn.locale();
		String language = locale.getLanguage();
		return switch (turn.signal().event()) {
			case RESOURCES -> this.replies.resources(locale, this.resources.activeLinks());
			case FAQ -> this.replies.faqDepartments(locale, this.resources.faqDepartments(language));
			case FAQ_DEPARTMENT -> {
				Department department = Department.valueOf(turn.signal().argument());
				yield this.replies.faqQuestions(locale, department, this.resources.faq(department, language));
			}
			case FAQ_ENTRY -> this.resources.findActiveFaqEntry(Long.valueOf(turn.signal().argument()))
				.map((entry) -> this.replies.faqAnswer(locale, entry))
				.orElseGet(() -> this.replies.faqDepartments(locale, this.resources.faqDepartments(language)));
			case CALENDAR -> {
				LocalDate today = LocalDate.now(this.clock.withZone(MADRID));
				yield this.replies.calendar(locale, this.resources.deadlines(today, today.plusDays(CALENDAR_DAYS)),
						CALENDAR_DAYS);
			}
			case TICKET_DETAIL ->
				ticketDetail(turn, findOwned(turn, turn.signal().argument()), turn.signal().argument());
			case TICKET_BY_NUMBER -> String.valueOf(turn.signal().argument()).isBlank()
					? this.replies.withMenu(locale, "ticket.number-missing")
					: ticketDetail(turn, findOwnedByNumber(turn), turn.signal().argument());
			case CLOSE_TICKET -> closeByClient(turn);
			case ASK_RATING -> askRating(turn);
			case SEARCH -> search(turn, vars, turn.signal().text(), 0);
			case SEARCH_PAGE -> search(turn, vars, null, Integer.parseInt(String.valueOf(turn.signal().argument())));
			case LANGUAGE -> changeLanguage(turn);
			case QUOTED_REPLY -> quotedReply(turn);
			case UNLINK -> this.replies.confirmUnlink(locale);
			case EMAIL_CHANGE -> this.replies.withMenu(locale, "chat.email-change");
			default -> this.replies.help(locale);
		};
	}

	/**
	 * One page of the client's tickets holding the words, or a ticket by its number.
	 * @param query the words, or {@code null} for another page of the last search
	 */
	private Reply search(Turn turn, Map<String, String> vars, @Nullable String query, int page) {
		String words = (query != null) ? query.strip() : vars.get(SEARCH_QUERY);
		if (words == null || words.isEmpty()) {
			return this.replies.askSearch(turn.locale());
		}
		String number = words.replaceFirst("^#", "");
		if (number.matches("\\d{1,12}")) {
			TicketSummary ticket = this.tickets.findOwnedByNumber(turn.clientId(), Long.parseLong(number)).orElse(null);
			if (ticket != null) {
				return ticketDetail(turn, ticket, number);
			}
		}
		vars.put(SEARCH_QUERY, Replies.preview(words, MAX_QUERY));
		return this.replies.searchResults(turn.locale(), words,
				this.tickets.searchOwn(turn.clientId(), words, PageRequest.of(Math.max(0, page), Replies.LIST_SIZE)));
	}

	private Reply changeLanguage(Turn turn) {
		String wanted = turn.signal().argument();
		if (wanted == null) {
			return this.replies.languages(turn.locale());
		}
		LinkedClient client = this.clients.changeLanguage(turn.clientId(), wanted);
		turn.speak(Texts.locale(client.language()));
		turn.say(this.replies.notice(turn.locale(), "chat.language.changed"));
		return this.replies.menu(turn.locale(), client);
	}

	/**
	 * The client answered a message about a ticket with their platform's reply feature:
	 * what they wrote goes to that ticket, whatever step they were in. The runner found
	 * the ticket; the signal carries its id.
	 */
	private Reply quotedReply(Turn turn) {
		TicketSummary ticket = findOwned(turn, turn.signal().argument());
		if (ticket == null) {
			return this.replies.withMenu(turn.locale(), "ticket.quoted.unknown");
		}
		return post(turn, ticket,
				new ClientPost(String.valueOf(turn.signal().text()).strip(), turn.files(), turn.messageRef()));
	}

	private Reply ticketDetail(Turn turn, @Nullable TicketSummary ticket, @Nullable String asked) {
		if (ticket == null) {
			return this.replies.withMenu(turn.locale(), "ticket.not-found", String.valueOf(asked));
		}
		boolean rated = this.surveys.find(ticket.id()).isPresent();
		return this.replies.ticketDetail(turn.locale(), ticket, this.tickets.messagesOf(ticket.id()), rated,
				this.tickets.previousOf(ticket.id()).orElse(null));
	}

	private Reply closeByClient(Turn turn) {
		TicketSummary owned = findOwned(turn, turn.signal().argument());
		if (owned == null) {
			return this.replies.withMenu(turn.locale(), "ticket.not-found.plain");
		}
		TicketSummary ticket = unresolvedTicket(turn, turn.signal().argument());
		if (ticket == null) {
			return this.replies.withMenu(turn.locale(), "ticket.close.already");
		}
		this.tickets.changeStatus(ticket.id(), TicketStatus.CLOSED, Actor.client(turn.clientId()));
		turn.say(this.replies.notice(turn.locale(), "ticket.close.done", ticket.label()));
		return this.replies.surveyPrompt(turn.locale(), ticket);
	}

	private Reply askRating(Turn turn) {
		TicketSummary ticket = findOwned(turn, turn.signal().argument());
		if (ticket == null || ticket.status() != TicketStatus.CLOSED) {
			return this.replies.withMenu(turn.locale(), "survey.unavailable");
		}
		if (this.surveys.find(ticket.id()).isPresent()) {
			return this.replies.withMenu(turn.locale(), "survey.already");
		}
		return this.replies.surveyPrompt(turn.locale(), ticket);
	}

	private @Nullable TicketSummary findOwned(Turn turn, @Nullable String ticketId) {
		try {
			return (ticketId != null) ? this.tickets.findOwned(Long.valueOf(ticketId), turn.clientId()).orElse(null)
					: null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private @Nullable TicketSummary findOwnedByNumber(Turn turn) {
		try {
			long number = Long.parseLong(String.valueOf(turn.signal().argument()));
			return this.tickets.findOwnedByNumber(turn.clientId(), number).orElse(null);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	Action<ConversationState, ConversationEvent> cancel() {
		return act((turn, vars) -> {
			vars.clear();
			turn.say(this.replies.withMenu(turn.locale(), "flow.cancelled"));
		});
	}

	Action<ConversationState, ConversationEvent> startTicket() {
		return act((turn, vars) -> {
			vars.clear();
			turn.say(this.replies.departments(turn.locale()));
		});
	}

	Action<ConversationState, ConversationEvent> startTicketFromText() {
		return act((turn, vars) -> {
			String text = vars.remove(PENDING_TEXT);
			String files = vars.remove(PENDING_FILES);
			String ref = vars.remove(PENDING_REF);
			vars.clear();
			if (text != null && isValidDescription(text)) {
				vars.put(DESCRIPTION, text.strip());
				if (ref != null) {
					vars.put(DESCRIPTION_REF, ref);
				}
			}
			if (files != null) {
				vars.put(DRAFT_FILES, files);
			}
			turn.say(this.replies.departments(turn.locale()));
		});
	}

	Action<ConversationState, ConversationEvent> askDepartmentAgain() {
		return act((turn, vars) -> turn.say(this.replies.departments(turn.locale())));
	}

	Action<ConversationState, ConversationEvent> storeDepartment() {
		return act((turn, vars) -> vars.put(DEPARTMENT, turn.signal().argument()));
	}

	Action<ConversationState, ConversationEvent> askDescription() {
		return act((turn, vars) -> turn.say(this.replies.askDescription(turn.locale(), department(vars))));
	}

	Action<ConversationState, ConversationEvent> storeCandidate() {
		return act((turn, vars) -> {
			vars.put(CANDIDATE, turn.signal().text());
			putOrRemove(vars, CANDIDATE_REF, turn.messageRef());
			DraftFiles.add(vars, DRAFT_FILES, turn.files());
		});
	}

	/**
	 * Files sent while a ticket or message is being prepared are kept for it, and the
	 * step is asked again.
	 */
	Action<ConversationState, ConversationEvent> keepFiles() {
		return (context) -> act((turn, vars) -> {
			ConversationState step = context.getSource().getId();
			String key = (step == ConversationState.CHOOSING_TICKET_FOR_TEXT) ? PENDING_FILES : DRAFT_FILES;
			int kept = DraftFiles.add(vars, key, turn.files());
			turn.say(this.replies.notice(turn.locale(), "files.kept", String.valueOf(kept)));
			prompt(step, turn, vars);
		}).execute(context);
	}

	Guard<ConversationState, ConversationEvent> candidateIsValid() {
		return check((turn, vars) -> isValidDescription(vars.getOrDefault(CANDIDATE, "")));
	}

	Guard<ConversationState, ConversationEvent> hasDescription() {
		return check((turn, vars) -> vars.containsKey(DESCRIPTION));
	}

	Action<ConversationState, ConversationEvent> acceptCandidate() {
		return act((turn, vars) -> {
			vars.put(DESCRIPTION, vars.remove(CANDIDATE).strip());
			putOrRemove(vars, DESCRIPTION_REF, vars.remove(CANDIDATE_REF));
			turn.say(summary(turn, vars));
		});
	}

	Action<ConversationState, ConversationEvent> rejectCandidate() {
		return act((turn, vars) -> {
			String candidate = vars.remove(CANDIDATE);
			turn.say(isTooLong(candidate) ? this.replies.descriptionTooLong(turn.locale(), this.maxLength)
					: this.replies.descriptionHint(turn.locale(), this.minLength, this.maxLength));
		});
	}

	private boolean isTooLong(@Nullable String text) {
		String trimmed = String.valueOf(text).strip();
		return trimmed.codePointCount(0, trimmed.length()) > this.maxLength;
	}

	Action<ConversationState, ConversationEvent> showSummary() {
		return act((turn, vars) -> turn.say(summary(turn, vars)));
	}

	private Reply summary(Turn turn, Map<String, String> vars) {
		return this.replies.summary(turn.locale(), department(vars), vars.getOrDefault(DESCRIPTION, ""),
				DraftFiles.read(vars, DRAFT_FILES).size());
	}

	/**
	 * After the department is chosen: does the client already have an open ticket there
	 * from the last day?
	 */
	Guard<ConversationState, ConversationEvent> hasRecentTicket() {
		return check((turn, vars) -> recentTicket(turn, vars) != null);
	}

	Action<ConversationState, ConversationEvent> offerRecentTicket() {
		return act((turn, vars) -> {
			TicketSummary recent = recentTicket(turn, vars);
			if (recent == null) {
				throw new IllegalStateException("Offer of a recent ticket that the guard saw and is gone");
			}
			vars.put(OFFERED, recent.id().toString());
			turn.say(this.replies.offerRecent(turn.locale(), recent));
		});
	}

	private @Nullable TicketSummary recentTicket(Turn turn, Map<String, String> vars) {
		return this.tickets
			.recentUnresolved(turn.clientId(), department(vars), this.clock.instant().minus(this.recentWindow))
			.orElse(null);
	}

	/**
	 * More text while the client is asked which ticket their message belongs to: it joins
	 * the message waiting for the answer, files and all.
	 */
	Action<ConversationState, ConversationEvent> addToPendingText() {
		return act((turn, vars) -> {
			String earlier = vars.getOrDefault(PENDING_TEXT, "");
			String text = String.valueOf(turn.signal().text()).strip();
			vars.put(PENDING_TEXT, earlier.isBlank() ? text : earlier + "\n\n" + text);
			if (vars.get(PENDING_REF) == null) {
				putOrRemove(vars, PENDING_REF, turn.messageRef());
			}
			DraftFiles.add(vars, PENDING_FILES, turn.files());
			turn.say(this.replies.notice(turn.locale(), "text.which-ticket.added"));
			prompt(ConversationState.CHOOSING_TICKET_FOR_TEXT, turn, vars);
		});
	}

	/**
	 * More text on the summary step: it is added to the description if it still fits, and
	 * the summary is shown again.
	 */
	Action<ConversationState, ConversationEvent> addToDescription() {
		return act((turn, vars) -> {
			String joined = vars.getOrDefault(DESCRIPTION, "") + "\n\n" + String.valueOf(turn.signal().text()).strip();
			DraftFiles.add(vars, DRAFT_FILES, turn.files());
			if (isValidDescription(joined)) {
				vars.put(DESCRIPTION, joined.strip());
				turn.say(this.replies.notice(turn.locale(), "ticket.new.summary.added"));
			}
			else {
				turn.say(this.replies.notice(turn.locale(), "ticket.new.summary.too-long",
						String.valueOf(this.maxLength)));
			}
			turn.say(summary(turn, vars));
		});
	}

	/**
	 * A message written while the offer is on screen is kept as the draft, files and all,
	 * and the offer is asked again: it will go wherever the client says.
	 */
	Action<ConversationState, ConversationEvent> keepOfferText() {
		return act((turn, vars) -> {
			String text = String.valueOf(turn.signal().text());
			DraftFiles.add(vars, DRAFT_FILES, turn.files());
			if (isValidDescription(text)) {
				vars.put(DESCRIPTION, text.strip());
				putOrRemove(vars, DESCRIPTION_REF, turn.messageRef());
				turn.say(this.replies.notice(turn.locale(), "ticket.new.recent.kept"));
			}
			else {
				turn.say(this.replies.descriptionHint(turn.locale(), this.minLength, this.maxLength));
			}
			prompt(ConversationState.OFFERING_EXISTING, turn, vars);
		});
	}

	Guard<ConversationState, ConversationEvent> acceptsOffer() {
		return check((turn, vars) -> String.valueOf(turn.signal().argument()).equals(vars.get(OFFERED)));
	}

	/**
	 * The client took the offer and had already written their message: it goes to the
	 * offered ticket.
	 */
	Guard<ConversationState, ConversationEvent> hasDraftMessage() {
		return check((turn, vars) -> vars.containsKey(DESCRIPTION) || vars.containsKey(DRAFT_FILES));
	}

	Action<ConversationState, ConversationEvent> addDraftToOffered() {
		return act((turn, vars) -> {
			TicketSummary ticket = findOwned(turn, vars.get(OFFERED));
			ClientPost post = new ClientPost(vars.getOrDefault(DESCRIPTION, ""), DraftFiles.read(vars, DRAFT_FILES),
					vars.get(DESCRIPTION_REF));
			vars.clear();
			if (ticket == null) {
				turn.say(this.replies.withMenu(turn.locale(), "ticket.reply.closed"));
				return;
			}
			turn.say(post(turn, ticket, post));
		});
	}

	/**
	 * The client took the offer before writing anything: they write to that ticket now,
	 * with any files they already sent.
	 */
	Action<ConversationState, ConversationEvent> askReplyToOffered() {
		return act((turn, vars) -> {
			TicketSummary ticket = findOwned(turn, vars.get(OFFERED));
			String files = vars.get(DRAFT_FILES);
			vars.clear();
			if (ticket == null) {
				throw new IllegalStateException("Offered ticket is gone");
			}
			vars.put(TICKET, ticket.id().toString());
			if (files != null) {
				vars.put(DRAFT_FILES, files);
			}
			turn.say(this.replies.askReply(turn.locale(), ticket));
		});
	}

	Action<ConversationState, ConversationEvent> askNewText() {
		return act((turn, vars) -> turn.say(this.replies.askDescription(turn.locale(), department(vars))));
	}

	Action<ConversationState, ConversationEvent> createTicket() {
		return act((turn, vars) -> {
			ClientPost post = new ClientPost(vars.getOrDefault(DESCRIPTION, ""), DraftFiles.read(vars, DRAFT_FILES),
					vars.get(DESCRIPTION_REF));
			TicketSummary ticket = this.tickets.open(turn.clientId(), department(vars), post, turn.channel());
			vars.clear();
			turn.say(this.replies.created(turn.locale(), ticket, this.mailer.isEnabled()));
		});
	}

	Action<ConversationState, ConversationEvent> listTickets() {
		return act((turn, vars) -> {
			vars.clear();
			String argument = (turn.signal().argument() != null) ? turn.signal().argument() : "A:0";
			char filter = argument.charAt(0);
			int page = Math.max(0, Integer.parseInt(argument.substring(2)));
			TicketStatus status = switch (filter) {
				case 'O' -> TicketStatus.OPEN;
				case 'P' -> TicketStatus.PENDING_CLIENT;
				case 'C' -> TicketStatus.CLOSED;
				default -> null;
			};
			turn.say(this.replies.ticketList(turn.locale(), filter,
					this.tickets.pageOf(turn.clientId(), status, PageRequest.of(page, Replies.LIST_SIZE)),
					this.tickets.countsOf(turn.clientId())));
		});
	}

	Guard<ConversationState, ConversationEvent> ownsTicket() {
		return check((turn, vars) -> findOwned(turn, turn.signal().argument()) != null);
	}

	Action<ConversationState, ConversationEvent> askReply() {
		return act((turn, vars) -> {
			vars.clear();
			TicketSummary ticket = findOwned(turn, turn.signal().argument());
			if (ticket == null) {
				throw new IllegalStateException("Reply to a ticket that the guard let through but is gone");
			}
			vars.put(TICKET, ticket.id().toString());
			turn.say(this.replies.askReply(turn.locale(), ticket));
		});
	}

	Action<ConversationState, ConversationEvent> sendReply() {
		return act((turn, vars) -> {
			List<IncomingFile> files = new ArrayList<>(DraftFiles.read(vars, DRAFT_FILES));
			files.addAll(turn.files());
			String text = (turn.signal().text() != null) ? turn.signal().text() : "";
			addToTicket(turn, vars.get(TICKET), new ClientPost(text, files, turn.messageRef()));
			vars.clear();
		});
	}

	Action<ConversationState, ConversationEvent> askWhichTicket() {
		return act((turn, vars) -> {
			vars.clear();
			vars.put(PENDING_TEXT, (turn.signal().text() != null) ? turn.signal().text() : "");
			putOrRemove(vars, PENDING_REF, turn.messageRef());
			DraftFiles.add(vars, PENDING_FILES, turn.files());
			turn.say(this.replies.askWhichTicket(turn.locale(),
					this.tickets.unresolvedOf(turn.clientId(), WHICH_TICKET_CHOICES)));
		});
	}

	Action<ConversationState, ConversationEvent> addPendingText() {
		return act((turn, vars) -> {
			addToTicket(turn, turn.signal().argument(), new ClientPost(vars.getOrDefault(PENDING_TEXT, ""),
					DraftFiles.read(vars, PENDING_FILES), vars.get(PENDING_REF)));
			vars.clear();
		});
	}

	Action<ConversationState, ConversationEvent> recordRating() {
		return act((turn, vars) -> {
			vars.clear();
			Rating rating = Rating.parse(turn.signal().argument());
			RatingOutcome outcome = rate(turn, rating);
			if (outcome == RatingOutcome.RECORDED) {
				vars.put(TICKET, rating.ticketId().toString());
				vars.put(RATED, "true");
			}
		});
	}

	Action<ConversationState, ConversationEvent> rateKeepingDraft() {
		return (context) -> act((turn, vars) -> {
			if (rate(turn, Rating.parse(turn.signal().argument())) == RatingOutcome.RECORDED) {
				turn.say(this.replies.notice(turn.locale(), "survey.thanks"));
			}
			prompt(context.getSource().getId(), turn, vars);
		}).execute(context);
	}

	Guard<ConversationState, ConversationEvent> ratingRecorded() {
		return check((turn, vars) -> vars.containsKey(RATED));
	}

	Action<ConversationState, ConversationEvent> askComment() {
		return act((turn, vars) -> {
			vars.remove(RATED);
			turn.say(this.replies.askComment(turn.locale()));
		});
	}

	Action<ConversationState, ConversationEvent> saveComment() {
		return act((turn, vars) -> {
			this.surveys.comment(Long.valueOf(vars.get(TICKET)), turn.clientId(), turn.signal().text().strip());
			vars.clear();
			turn.say(this.replies.withMenu(turn.locale(), "survey.thanks"));
		});
	}

	Action<ConversationState, ConversationEvent> skipComment() {
		return act((turn, vars) -> {
			vars.clear();
			turn.say(this.replies.withMenu(turn.locale(), "survey.thanks"));
		});
	}

	Action<ConversationState, ConversationEvent> doNothing() {
		return act((turn, vars) -> {
		});
	}

	/**
	 * Says again what the client is expected to do in the given state, for input the
	 * state does not take.
	 */
	void prompt(ConversationState state, Turn turn, Map<String, String> vars) {
		Reply reply = switch (state) {
			case CHOOSING_DEPARTMENT -> this.replies.departments(turn.locale());
			case WRITING_DESCRIPTION -> this.replies.askDescription(turn.locale(), department(vars));
			case CONFIRMING_TICKET -> summary(turn, vars);
			case OFFERING_EXISTING -> {
				TicketSummary offered = findOwned(turn, vars.get(OFFERED));
				yield (offered != null) ? this.replies.offerRecent(turn.locale(), offered)
						: this.replies.departments(turn.locale());
			}
			case SEARCHING -> this.replies.askSearch(turn.locale());
			case WRITING_REPLY -> {
				TicketSummary ticket = findOwned(turn, vars.get(TICKET));
				yield (ticket != null) ? this.replies.askReply(turn.locale(), ticket)
						: this.replies.menu(turn.locale());
			}
			case CHOOSING_TICKET_FOR_TEXT -> this.replies.askWhichTicket(turn.locale(),
					this.tickets.unresolvedOf(turn.clientId(), WHICH_TICKET_CHOICES));
			case WRITING_SURVEY_COMMENT -> this.replies.askComment(turn.locale());
			default -> this.replies.menu(turn.locale(), turn.client());
		};
		turn.say(reply);
	}

	/**
	 * The client confirmed: this chat account is no longer theirs, and from the next
	 * message on it is a stranger's.
	 */
	Action<ConversationState, ConversationEvent> unlink() {
		return act((turn, vars) -> {
			vars.clear();
			ChatAccount account = turn.inbound().account();
			for (ChatIdentity identity : this.clients.identitiesOf(turn.clientId())) {
				if (identity.getChannel() == account.channel()
						&& identity.getExternalUserId().equals(account.externalUserId())) {
					this.clients.unlinkIdentity(turn.clientId(), identity.getId());
				}
			}
			turn.say(this.replies.notice(turn.locale(), "chat.unlink.done"));
		});
	}

	Action<ConversationState, ConversationEvent> askSearch() {
		return act((turn, vars) -> {
			vars.clear();
			turn.say(this.replies.askSearch(turn.locale()));
		});
	}

	Guard<ConversationState, ConversationEvent> hasSearchWords() {
		return check((turn, vars) -> turn.signal().text() != null);
	}

	Guard<ConversationState, ConversationEvent> lacksSearchWords() {
		return check((turn, vars) -> turn.signal().text() == null);
	}

	Action<ConversationState, ConversationEvent> searchWritten() {
		return act((turn, vars) -> {
			vars.clear();
			turn.say(search(turn, vars, turn.signal().text(), 0));
		});
	}

	private void addToTicket(Turn turn, @Nullable String ticketId, ClientPost post) {
		TicketSummary ticket = findOwned(turn, ticketId);
		if (ticket == null) {
			turn.say(this.replies.withMenu(turn.locale(), "ticket.reply.closed"));
			return;
		}
		turn.say(post(turn, ticket, post));
	}

	/**
	 * Puts what the client wrote on the ticket and says where it went: added, the ticket
	 * reopened, or a follow-up ticket opened because it was closed too long ago.
	 */
	private Reply post(Turn turn, TicketSummary ticket, ClientPost post) {
		ClientPostOutcome outcome = this.tickets.post(ticket.id(), turn.clientId(), post, turn.channel()).orElse(null);
		if (outcome == null) {
			return this.replies.withMenu(turn.locale(), "ticket.reply.closed");
		}
		turn.posted(outcome.messageId());
		return switch (outcome.kind()) {
			case ADDED -> this.replies.posted(turn.locale(), "ticket.reply.sent", outcome.ticket(), null);
			case REOPENED -> this.replies.posted(turn.locale(), "ticket.reply.reopened", outcome.ticket(), null);
			case FOLLOW_UP ->
				this.replies.posted(turn.locale(), "ticket.reply.follow-up", outcome.ticket(), outcome.previous());
		};
	}

	private static void putOrRemove(Map<String, String> vars, String key, @Nullable String value) {
		if (value != null) {
			vars.put(key, value);
		}
		else {
			vars.remove(key);
		}
	}

	private RatingOutcome rate(Turn turn, Rating rating) {
		RatingOutcome outcome = this.surveys.rate(rating.ticketId(), turn.clientId(), rating.stars());
		switch (outcome) {
			case ALREADY_RATED -> turn.say(this.replies.notice(turn.locale(), "survey.already"));
			case NOT_CLOSED, INVALID -> turn.say(this.replies.withMenu(turn.locale(), "survey.unavailable"));
			case RECORDED -> log.debug("Rating recorded");
		}
		return outcome;
	}

	private @Nullable TicketSummary unresolvedTicket(Turn turn, @Nullable String ticketId) {
		if (ticketId == null) {
			return null;
		}
		try {
			return this.tickets.findOwned(Long.valueOf(ticketId), turn.clientId())
				.filter((ticket) -> ticket.status() != TicketStatus.CLOSED)
				.orElse(null);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private boolean isValidDescription(String text) {
		String trimmed = text.strip();
		int length = trimmed.codePointCount(0, trimmed.length());
		return length >= this.minLength && length <= this.maxLength;
	}

	private static Department department(Map<String, String> vars) {
		return Department.valueOf(vars.getOrDefault(DEPARTMENT, Department.OTHER.name()));
	}

	private static Action<ConversationState, ConversationEvent> act(BiConsumer<Turn, Map<String, String>> body) {
		return (context) -> {
			Turn turn = Turn.of(context);
			try {
				body.accept(turn, variables(context));
			}
			catch (RuntimeException ex) {
				turn.fail(ex);
			}
		};
	}

	private static Guard<ConversationState, ConversationEvent> check(BiPredicate<Turn, Map<String, String>> test) {
		return (context) -> {
			Turn turn = Turn.of(context);
			try {
				return test.test(turn, variables(context));
			}
			catch (RuntimeException ex) {
				turn.fail(ex);
				return false;
			}
		};
	}

	@SuppressWarnings("unchecked")
	static Map<String, String> variables(StateContext<ConversationState, ConversationEvent> context) {
		return (Map<String, String>) (Map<?, ?>) context.getExtendedState().getVariables();
	}

	private record Rating(Long ticketId, int stars) {

		static Rating parse(@Nullable String argument) {
			String[] parts = String.valueOf(argument).split(":");
			return new Rating(Long.valueOf(parts[0]), Integer.parseInt(parts[1]));
		}

	}

}
