package es.kompanion.bot.conversation;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Page;
import org.springframework.stereotype.Component;

import es.kompanion.bot.resource.FaqEntry;
import es.kompanion.bot.resource.FiscalDeadline;
import es.kompanion.bot.resource.ResourceLink;

import es.kompanion.bot.ticket.AuthorType;
import es.kompanion.bot.ticket.TicketMessage;
import es.kompanion.bot.ticket.TicketStatus;
import es.kompanion.bot.ticket.TicketSummary;
import es.kompanion.bot.user.Department;
import es.kompanion.bot.user.LinkedClient;

/**
 * Builds the bot's replies, in the client's language, with the buttons that fit each
 * step.
 */
@Component
class Replies {

	static final int LIST_SIZE = 5;

	private static final int PREVIEW_LENGTH = 60;

	private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

	private static final int DETAIL_MESSAGES = 3;

	private static final int DETAIL_PREVIEW = 300;

	private final Texts texts;

	Replies(Texts texts) {
		this.texts = texts;
	}

	Reply menu(Locale locale) {
		return new Reply(this.texts.rich(locale, "menu.prompt"), mainButtons(locale), null);
	}

	/**
	 * The full menu: tickets, the client's own quick-access links, resources and help.
	 */
	Reply menu(Locale locale, LinkedClient client) {
		List<List<Choice>> rows = new ArrayList<>(mainButtons(locale));
		List<Choice> quick = new ArrayList<>();
		if (client.documentsUrl() != null) {
			quick.add(Choice.link(this.texts.plain(locale, "button.documents"), client.documentsUrl()));
		}
		if (client.holdedUrl() != null) {
			quick.add(Choice.link(this.texts.plain(locale, "button.holded"), client.holdedUrl()));
		}
		if (!quick.isEmpty()) {
			rows.add(quick);
		}
		rows.add(List.of(Choice.action(this.texts.plain(locale, "button.resources"), Signal.RESOURCES),
				Choice.action(this.texts.plain(locale, "button.help"), Signal.HELP)));
		rows.add(List.of(Choice.action(this.texts.plain(locale, "button.search"), Signal.SEARCH),
				languageButton(locale)));
		return new Reply(this.texts.rich(locale, "menu.prompt"), rows, null);
	}

	/**
	 * Switches to the other language, named in that language so that a client who cannot
	 * read the current one still finds it.
	 */
	private Choice languageButton(Locale locale) {
		String other = "en".equals(locale.getLanguage()) ? "es" : "en";
		return Choice.action(this.texts.plain(Texts.locale(other), "button.language"), Signal.language(other));
	}

	Reply languages(Locale locale) {
		return new Reply(this.texts.rich(locale, "chat.language.choose"),
				List.of(List.of(Choice.action("🇪🇸 Español", Signal.language("es")),
						Choice.action("🇬🇧 English", Signal.language("en")))),
				null);
	}

	Reply confirmUnlink(Locale locale) {
		return new Reply(this.texts.rich(locale, "chat.unlink.confirm"), List.of(List
			.of(Choice.action(this.texts.plain(locale, "button.unlink"), Signal.UNLINK_CONFIRMED), cancel(locale))),
				null);
	}

	Reply askSearch(Locale locale) {
		return new Reply(this.texts.rich(locale, "tickets.search.prompt"), List.of(List.of(cancel(locale))), null);
	}

	/**
	 * One page of the tickets that hold the words, with a button to each one's detail.
	 */
	Reply searchResults(Locale locale, String words, Page<TicketSummary> page) {
		if (page.getTotalElements() == 0) {
			return new Reply(this.texts.rich(locale, "tickets.search.none", preview(words)),
					List.of(List.of(Choice.action(this.texts.plain(locale, "button.search-again"), Signal.SEARCH),
							Choice.action(this.texts.plain(locale, "button.my-tickets"), Signal.MY_TICKETS))),
					null);
		}
		RichText text = this.texts.rich(locale, "tickets.search.title", String.valueOf(page.getTotalElements()),
				preview(words));
		List<List<Choice>> rows = new ArrayList<>();
		text = text.append(ticketLines(locale, page));
		rows.addAll(ticketButtons(page));
		List<Choice> paging = new ArrayList<>();
		if (page.hasPrevious()) {
			paging.add(Choice.action(this.texts.plain(locale, "button.previous"),
					Signal.searchPage(page.getNumber() - 1)));
		}
		if (page.hasNext()) {
			paging.add(Choice.action(this.texts.plain(locale, "button.next"), Signal.searchPage(page.getNumber() + 1)));
		}
		if (!paging.isEmpty()) {
			rows.add(paging);
		}
		rows.add(List.of(Choice.action(this.texts.plain(locale, "button.search-again"), Signal.SEARCH),
				Choice.action(this.texts.plain(locale, "button.my-tickets"), Signal.MY_TICKETS)));
		return new Reply(text, rows, null);
	}

	/**
	 * A line per ticket: number, status, department, date and the start of its text.
	 */
	private RichText ticketLines(Locale locale, Iterable<TicketSummary> tickets) {
		RichText lines = new RichText(List.of());
		for (TicketSummary ticket : tickets) {
			lines = lines.append(this.texts.rich(locale, "tickets.line", ticket.label(), statusIcon(ticket.status()),
					this.texts.status(locale, ticket.status()), this.texts.department(locale, ticket.department()),
					DAY.format(ticket.createdAt().atZone(MADRID)), preview(ticket.description())));
		}
		return lines;
	}

	private static List<List<Choice>> ticketButtons(Iterable<TicketSummary> tickets) {
		List<List<Choice>> rows = new ArrayList<>();
		List<Choice> row = new ArrayList<>();
		for (TicketSummary ticket : tickets) {
			row.add(Choice.action(statusIcon(ticket.status()) + " " + ticket.label(), Signal.ticket(ticket.id())));
			if (row.size() == 3) {
				rows.add(row);
				row = new ArrayList<>();
			}
		}
		if (!row.isEmpty()) {
			rows.add(row);
		}
		return rows;
	}

	/**
	 * The client is starting a ticket in a department where they opened one recently that
	 * is still open: add to that one, or go on with a new one?
	 */
	Reply offerRecent(Locale locale, TicketSummary recent) {
		RichText text = this.texts
			.rich(locale, "ticket.new.recent", recent.label(), this.texts.department(locale, recent.department()),
					MOMENT.format(recent.createdAt().atZone(MADRID)))
			.append(RichText.plain("\n" + preview(recent.description(), DETAIL_PREVIEW)));
		return new Reply(text,
				List.of(List.of(Choice.action(this.texts.plain(locale, "button.add-to-recent", recent.label()),
						Signal.addTo(recent.id()))),
						List.of(Choice.action(this.texts.plain(locale, "button.new-anyway"), Signal.NEW_TICKET_ANYWAY)),
						List.of(cancel(locale))),
				null);
	}

	/**
	 * Where a client's message went.
	 * @param previous for a follow-up, the closed ticket it continues
	 */
	Reply posted(Locale locale, String key, TicketSummary ticket, @Nullable TicketSummary previous) {
		String before = (previous != null) ? previous.label() : "";
		return new Reply(this.texts.rich(locale, key, ticket.label(), before), mainButtons(locale), ticket.id());
	}

	Reply resources(Locale locale, List<ResourceLink> links) {
		String language = locale.getLanguage();
		List<List<Choice>> rows = new ArrayList<>();
		for (ResourceLink link : links) {
			rows.add(List.of(Choice.link(link.title(language), link.getUrl())));
		}
		rows.add(List.of(Choice.action(this.texts.plain(locale, "button.faq"), Signal.FAQ),
				Choice.action(this.texts.plain(locale, "button.calendar"), Signal.CALENDAR)));
		rows.add(List.of(menuButton(locale)));
		return new Reply(this.texts.rich(locale, "chat.resources.title"), rows, null);
	}

	Reply faqDepartments(Locale locale, List<Department> departments) {
		if (departments.isEmpty()) {
			return new Reply(this.texts.rich(locale, "chat.faq.none"), List.of(List.of(menuButton(locale))), null);
		}
		List<List<Choice>> rows = new ArrayList<>();
		for (Department department : departments) {
			rows.add(List
				.of(Choice.action(this.texts.department(locale, department), Signal.faqDepartment(department))));
		}
		rows.add(List.of(menuButton(locale)));
		return new Reply(this.texts.rich(locale, "chat.faq.departments"), rows, null);
	}

	Reply faqQuestions(Locale locale, Department department, List<FaqEntry> entries) {
		List<List<Choice>> rows = new ArrayList<>();
		for (FaqEntry entry : entries) {
			rows.add(List.of(Choice.action(preview(entry.getQuestion()), Signal.faqEntry(entry.getId()))));
		}
		rows.add(List.of(Choice.action(this.texts.plain(locale, "button.faq-back"), Signal.FAQ), menuButton(locale)));
		String key = entries.isEmpty() ? "chat.faq.none" : "chat.faq.questions";
		return new Reply(this.texts.rich(locale, key, this.texts.department(locale, department)), rows, null);
	}

	Reply faqAnswer(Locale locale, FaqEntry entry) {
		RichText text = new RichText(List.of(new RichText.Part(entry.getQuestion(), true)))
			.append(RichText.plain("\n" + entry.getAnswer()));
		return new Reply(text,
				List.of(List.of(
						Choice.action(this.texts.plain(locale, "button.faq-more"),
								Signal.faqDepartment(entry.getDepartment())),
						Choice.action(this.texts.plain(locale, "button.new-ticket"), Signal.NEW_TICKET)),
						List.of(menuButton(locale))),
				null);
	}

	Reply calendar(Locale locale, List<FiscalDeadline> deadlines, int days) {
		if (deadlines.isEmpty()) {
			return new Reply(this.texts.rich(locale, "chat.calendar.none", String.valueOf(days)),
					List.of(List.of(menuButton(locale))), null);
		}
		RichText text = this.texts.rich(locale, "chat.calendar.title", String.valueOf(days));
		DateTimeFormatter date = DateTimeFormatter.ofPattern("dd/MM");
		for (FiscalDeadline deadline : deadlines) {
			text = text.append(
					new RichText(List.of(new RichText.Part("\n" + date.format(deadline.getDueDate()) + " · ", false),
							new RichText.Part(deadline.getTaxForm(), true),
							new RichText.Part(" — " + deadline.title(locale.getLanguage()), false))));
		}
		return new Reply(text, List.of(List.of(menuButton(locale))), null);
	}

	Reply help(Locale locale) {
		return new Reply(this.texts.rich(locale, "chat.help.text"),
				List.of(List.of(Choice.action(this.texts.plain(locale, "button.new-ticket"), Signal.NEW_TICKET),
						menuButton(locale)), List.of(languageButton(locale))),
				null);
	}

	private Choice menuButton(Locale locale) {
		return Choice.action(this.texts.plain(locale, "button.menu"), Signal.MENU);
	}

	Reply notice(Locale locale, String key, Object... args) {
		return Reply.of(this.texts.rich(locale, key, args));
	}

	Reply withMenu(Locale locale, String key, Object... args) {
		return new Reply(this.texts.rich(locale, key, args), mainButtons(locale), null);
	}

	Reply departments(Locale locale) {
		List<List<Choice>> rows = new ArrayList<>();
		Department[] all = Department.values();
		for (int i = 0; i < all.length; i += 2) {
			List<Choice> row = new ArrayList<>();
			for (int j = i; j < Math.min(i + 2, all.length); j++) {
				row.add(Choice.action(this.texts.department(locale, all[j]), Signal.department(all[j])));
			}
			rows.add(row);
		}
		rows.add(List.of(cancel(locale)));
		return new Reply(this.texts.rich(locale, "ticket.new.department"), rows, null);
	}

	Reply askDescription(Locale locale, Department department) {
		return new Reply(this.texts.rich(locale, "ticket.new.description", this.texts.department(locale, department)),
				List.of(List.of(cancel(locale))), null);
	}

	Reply descriptionHint(Locale locale, int min, int max) {
		return new Reply(
				this.texts.rich(locale, "ticket.new.description.hint", String.valueOf(min), String.valueOf(max)),
				List.of(List.of(cancel(locale))), null);
	}

	Reply descriptionTooLong(Locale locale, int max) {
		return new Reply(this.texts.rich(locale, "ticket.new.description.too-long", String.valueOf(max)),
				List.of(List.of(cancel(locale))), null);
	}

	Reply summary(Locale locale, Department department, String description, int files) {
		RichText text = this.texts.rich(locale, "ticket.new.summary", this.texts.department(locale, department))
			.append(RichText.plain("\n" + description));
		if (files > 0) {
			text = text.append(this.texts.rich(locale, "ticket.new.summary.files", files));
		}
		return new Reply(text, List.of(
				List.of(Choice.action(this.texts.plain(locale, "button.confirm"), Signal.CONFIRM)),
				List.of(Choice.action(this.texts.plain(locale, "button.change-department"), Signal.CHANGE_DEPARTMENT),
						Choice.action(this.texts.plain(locale, "button.change-text"), Signal.CHANGE_TEXT)),
				List.of(cancel(locale))), null);
	}

	Reply created(Locale locale, TicketSummary ticket, boolean byEmailToo) {
		String key = byEmailToo ? "ticket.new.created.email" : "ticket.new.created";
		return new Reply(
				this.texts.rich(locale, key, ticket.label(), this.texts.department(locale, ticket.department())),
				mainButtons(locale), ticket.id());
	}

	/**
	 * One page of the client's tickets with filters by status (each with its count),
	 * buttons to each ticket's detail, and paging.
	 */
	Reply ticketList(Locale locale, char filter, Page<TicketSummary> page, Map<TicketStatus, Long> counts) {
		long all = counts.values().stream().mapToLong(Long::longValue).sum();
		if (all == 0) {
			return withMenu(locale, "tickets.none");
		}
		RichText text = this.texts.rich(locale, "tickets.title." + filter, String.valueOf(page.getTotalElements()));
		if (page.isEmpty()) {
			text = text.append(this.texts.rich(locale, "tickets.filter-empty"));
		}
		text = text.append(ticketLines(locale, page));
		List<List<Choice>> rows = new ArrayList<>(ticketButtons(page));
		List<Choice> paging = new ArrayList<>();
		if (page.hasPrevious()) {
			paging.add(Choice.action(this.texts.plain(locale, "button.previous"),
					Signal.ticketPage(filter, page.getNumber() - 1)));
		}
		if (page.hasNext()) {
			paging.add(Choice.action(this.texts.plain(locale, "button.next"),
					Signal.ticketPage(filter, page.getNumber() + 1)));
		}
		if (!paging.isEmpty()) {
			rows.add(paging);
		}
		rows.add(List.of(filterButton(locale, 'O', counts.get(TicketStatus.OPEN)),
				filterButton(locale, 'P', counts.get(TicketStatus.PENDING_CLIENT))));
		rows.add(List.of(filterButton(locale, 'C', counts.get(TicketStatus.CLOSED)), filterButton(locale, 'A', all)));
		rows.add(List.of(Choice.action(this.texts.plain(locale, "button.search"), Signal.SEARCH)));
		rows.addAll(mainButtons(locale));
		return new Reply(text, rows, null);
	}

	private Choice filterButton(Locale locale, char filter, long count) {
		return Choice.action(this.texts.plain(locale, "tickets.filter." + filter, String.valueOf(count)),
				Signal.ticketPage(filter, 0));
	}

	/**
	 * One ticket as its client sees it: status, department, dates, the last messages of
	 * the conversation, and the actions that fit its status.
	 */
	Reply ticketDetail(Locale locale, TicketSummary ticket, List<TicketMessage> conversation, boolean rated,
			@Nullable TicketSummary previous) {
		RichText text = this.texts.rich(locale, "ticket.detail", ticket.label(), statusIcon(ticket.status()),
				this.texts.status(locale, ticket.status()), this.texts.department(locale, ticket.department()),
				MOMENT.format(ticket.createdAt().atZone(MADRID)), MOMENT.format(ticket.updatedAt().atZone(MADRID)));
		if (previous != null) {
			text = text.append(this.texts.rich(locale, "ticket.detail.follow-up", previous.label()));
		}
		List<TicketMessage> spoken = conversation.stream()
			.filter((m) -> m.getAuthorType() == AuthorType.CLIENT || m.getAuthorType() == AuthorType.STAFF)
			.toList();
		for (TicketMessage message : spoken.subList(Math.max(0, spoken.size() - DETAIL_MESSAGES), spoken.size())) {
			String who = (message.getAuthorType() == AuthorType.CLIENT) ? "ticket.detail.you" : "ticket.detail.team";
			String body = message.getBody().isBlank() ? this.texts.plain(locale, "ticket.detail.files-only")
					: preview(message.getBody(), DETAIL_PREVIEW);
			text = text.append(this.texts.rich(locale, who, MOMENT.format(message.getCreatedAt().atZone(MADRID))))
				.append(RichText.plain(body));
		}
		List<Choice> actions = new ArrayList<>();
		if (ticket.status() != TicketStatus.CLOSED) {
			actions.add(Choice.action(this.texts.plain(locale, "button.reply"), Signal.replyTo(ticket.id())));
			actions.add(Choice.action(this.texts.plain(locale, "button.close"), Signal.closeTicket(ticket.id())));
		}
		else {
			actions.add(Choice.action(this.texts.plain(locale, "button.write-again"), Signal.replyTo(ticket.id())));
			if (!rated) {
				actions.add(Choice.action(this.texts.plain(locale, "button.rate"), Signal.askRating(ticket.id())));
			}
		}
		List<List<Choice>> rows = new ArrayList<>();
		if (!actions.isEmpty()) {
			rows.add(actions);
		}
		rows.add(List.of(Choice.action(this.texts.plain(locale, "button.my-tickets"), Signal.MY_TICKETS)));
		return new Reply(text, rows, ticket.id());
	}

	Reply askReply(Locale locale, TicketSummary ticket) {
		String key = (ticket.status() == TicketStatus.CLOSED) ? "ticket.reply.prompt-closed" : "ticket.reply.prompt";
		return new Reply(this.texts.rich(locale, key, ticket.label()), List.of(List.of(cancel(locale))), ticket.id());
	}

	Reply askWhichTicket(Locale locale, List<TicketSummary> unresolved) {
		List<List<Choice>> rows = new ArrayList<>();
		for (TicketSummary ticket : unresolved) {
			rows.add(List.of(Choice.action(
					this.texts.plain(locale, "button.add-to", ticket.label(), preview(ticket.description())),
					Signal.addTo(ticket.id()))));
		}
		rows.add(List.of(Choice.action(this.texts.plain(locale, "button.new-ticket"), Signal.NEW_TICKET_FROM_TEXT)));
		rows.add(List.of(cancel(locale)));
		String key = unresolved.isEmpty() ? "text.which-ticket.none" : "text.which-ticket";
		return new Reply(this.texts.rich(locale, key), rows, null);
	}

	Reply surveyPrompt(Locale locale, TicketSummary ticket) {
		List<Choice> stars = new ArrayList<>();
		for (int rating = 1; rating <= 5; rating++) {
			stars.add(Choice.action(rating + " ⭐", Signal.rate(ticket.id(), rating)));
		}
		return new Reply(this.texts.rich(locale, "survey.prompt", ticket.label()), List.of(stars), ticket.id());
	}

	Reply askComment(Locale locale) {
		return new Reply(this.texts.rich(locale, "survey.comment"),
				List.of(List.of(Choice.action(this.texts.plain(locale, "button.skip"), Signal.SKIP))), null);
	}

	Reply staffReply(Locale locale, TicketSummary ticket, String body) {
		RichText text = this.texts.rich(locale, "notify.staff-reply", ticket.label())
			.append(RichText.plain("\n" + body));
		Choice myTickets = Choice.action(this.texts.plain(locale, "button.my-tickets"), Signal.MY_TICKETS);
		List<Choice> buttons = (ticket.status() == TicketStatus.CLOSED) ? List.of(myTickets) : List
			.of(Choice.action(this.texts.plain(locale, "button.reply"), Signal.replyTo(ticket.id())), myTickets);
		return new Reply(text, List.of(buttons), ticket.id());
	}

	Reply staffFile(Locale locale, TicketSummary ticket, OutboundFile file) {
		Reply text = staffReply(locale, ticket, "");
		return new Reply(this.texts.rich(locale, "notify.staff-file", ticket.label(), file.fileName()), text.choices(),
				ticket.id(), List.of(file));
	}

	Reply statusChanged(Locale locale, TicketSummary ticket) {
		String key = "notify.status." + ticket.status().name();
		List<List<Choice>> rows = (ticket.status() == TicketStatus.CLOSED) ? List.of() : List
			.of(List.of(Choice.action(this.texts.plain(locale, "button.reply"), Signal.replyTo(ticket.id()))));
		return new Reply(this.texts.rich(locale, key, ticket.label(), statusIcon(ticket.status())), rows, ticket.id());
	}

	private List<List<Choice>> mainButtons(Locale locale) {
		return List.of(List.of(Choice.action(this.texts.plain(locale, "button.new-ticket"), Signal.NEW_TICKET),
				Choice.action(this.texts.plain(locale, "button.my-tickets"), Signal.MY_TICKETS)));
	}

	private Choice cancel(Locale locale) {
		return Choice.action(this.texts.plain(locale, "button.cancel"), Signal.CANCEL);
	}

	static String statusIcon(TicketStatus status) {
		return switch (status) {
			case OPEN -> "🟢";
			case PENDING_CLIENT -> "🟡";
			case CLOSED -> "🔴";
		};
	}

	static String preview(String text) {
		return preview(text, PREVIEW_LENGTH);
	}

	static String preview(String text, int length) {
		String line = text.strip().replaceAll("\\s+", " ");
		if (line.codePointCount(0, line.length()) <= length) {
			return line;
		}
		return line.substring(0, line.offsetByCodePoints(0, length - 1)) + "…";
	}

}
