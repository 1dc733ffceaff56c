package es.kompanion.bot.admin.ticket;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import es.kompanion.bot.ticket.Actor;
import es.kompanion.bot.ticket.AuthorType;
import es.kompanion.bot.ticket.AttachmentStatus;
import es.kompanion.bot.ticket.TicketAttachment;
import es.kompanion.bot.ticket.TicketMessage;
import es.kompanion.bot.ticket.TicketStatus;
import es.kompanion.bot.ticket.TicketSummary;
import es.kompanion.bot.user.Staff;
import es.kompanion.bot.user.StaffRepository;

/**
 * Turns a ticket's messages into what staff read: who wrote each one, by name, and the
 * events the bot recorded in words of the page's language. The names of all staff in the
 * conversation are read in one query.
 */
@Component
class ConversationRenderer {

	private static final Pattern STATUS_CHANGE = Pattern
		.compile("status (OPEN|PENDING_CLIENT|CLOSED) -> (OPEN|PENDING_CLIENT|CLOSED)");

	private static final Pattern UNDELIVERED = Pattern.compile("delivery to (\\S+) failed: (.*)", Pattern.DOTALL);

	private static final Pattern FOLLOW_UP = Pattern.compile("follow-up of (#\\d+)");

	private static final Pattern UNFETCHED = Pattern.compile("file (.*) could not be fetched: (.*)", Pattern.DOTALL);

	private static final Pattern UNSENT_FILE = Pattern.compile("file (.*) not delivered to (\\S+): (.*)",
			Pattern.DOTALL);

	private static final Pattern SLACK_USER = Pattern.compile("slack:(\\S+)");

	private final StaffRepository staff;

	private final MessageSource texts;

	ConversationRenderer(StaffRepository staff, MessageSource texts) {
		this.staff = staff;
		this.texts = texts;
	}

	List<MessageView> render(TicketSummary ticket, List<TicketMessage> messages, List<TicketAttachment> attachments,
			Locale locale) {
		Map<Long, String> names = staffNames(messages);
		Authors authors = new Authors(ticket, names, locale);
		Map<Long, List<MessageView.FileView>> files = attachments.stream()
			.collect(Collectors.groupingBy(TicketAttachment::getMessageId,
					Collectors.mapping(ConversationRenderer::file, Collectors.toList())));
		return messages.stream()
			.map((message) -> new MessageView(message.getAuthorType(), authors.of(message), text(message, authors),
					FirmTime.of(message.getCreatedAt()), files.getOrDefault(message.getId(), List.of())))
			.toList();
	}

	private static MessageView.FileView file(TicketAttachment attachment) {
		long size = attachment.getSize();
		String shown = (size < 0) ? "?" : (size < 1024 * 1024) ? Math.max(1, size / 1024) + " KB"
				: String.format(Locale.ROOT, "%.1f MB", size / (1024.0 * 1024.0));
		return new MessageView.FileView(attachment.getId(), attachment.getFileName(), shown,
				attachment.getStatus() == AttachmentStatus.STORED);
	}

	/**
	 * When the ticket was last closed, from the status changes recorded in its messages.
	 */
	static Optional<Instant> closedAt(List<TicketMessage> messages) {
		@Nullable Instant closed = null;
		for (TicketMessage message : messages) {
			Matcher status = STATUS_CHANGE.matcher(message.getBody());
			if (message.getAuthorType() == AuthorType.SYSTEM && status.matches()
					&& TicketStatus.CLOSED.name().equals(status.group(2))) {
				closed = message.getCreatedAt();
			}
		}
		return Optional.ofNullable(closed);
	}

	private Map<Long, String> staffNames(List<TicketMessage> messages) {
		Set<Long> ids = new HashSet<>();
		for (TicketMessage message : messages) {
			Long id = staffMemberId(message.getAuthorRef());
			if (id != null) {
				ids.add(id);
			}
		}
		if (ids.isEmpty()) {
			return Map.of();
		}
		return this.staff.findAllById(ids)
			.stream()
			.collect(Collectors.toMap(Staff::getId, Staff::getFullName, (first, second) -> first));
	}

	private String text(TicketMessage message, Authors authors) {
		if (message.getAuthorType() != AuthorType.SYSTEM) {
			return message.getBody();
		}
		Matcher status = STATUS_CHANGE.matcher(message.getBody());
		if (status.matches()) {
			String from = authors.text("admin.tickets.status." + status.group(1));
			String to = authors.text("admin.tickets.status." + status.group(2));
			if ("system".equals(message.getAuthorRef())) {
				return authors.text("admin.tickets.event.status.auto", from, to);
			}
			return authors.text("admin.tickets.event.status", from, to, authors.who(message.getAuthorRef()));
		}
		Matcher followUp = FOLLOW_UP.matcher(message.getBody());
		if (followUp.matches()) {
			return authors.text("admin.tickets.event.follow-up", followUp.group(1));
		}
		Matcher unsent = UNSENT_FILE.matcher(message.getBody());
		if (unsent.matches()) {
			return authors.text("admin.tickets.event.file-unsent", unsent.group(1), unsent.group(3));
		}
		Matcher unfetched = UNFETCHED.matcher(message.getBody());
		if (unfetched.matches()) {
			return authors.text("admin.tickets.event.file-failed", unfetched.group(1), unfetched.group(2));
		}
		Matcher undelivered = UNDELIVERED.matcher(message.getBody());
		if (undelivered.matches()) {
			String channel = authors.textOr("admin.tickets.channel." + undelivered.group(1), undelivered.group(1));
			return authors.text("admin.tickets.event.undelivered", channel, undelivered.group(2));
		}
		return message.getBody();
	}

	private static @Nullable Long staffMemberId(@Nullable String ref) {
		return (ref != null) ? Actor.staff(ref).staffMemberId() : null;
	}

	/**
	 * Names the authors of one conversation in one language.
	 */
	private final class Authors {

		private final TicketSummary ticket;

		private final Map<Long, String> staffNames;

		private final Locale locale;

		Authors(TicketSummary ticket, Map<Long, String> staffNames, Locale locale) {
			this.ticket = ticket;
			this.staffNames = staffNames;
			this.locale = locale;
		}

		String of(TicketMessage message) {
			return switch (message.getAuthorType()) {
				case CLIENT -> this.ticket.clientName();
				case STAFF -> who(message.getAuthorRef());
				case NOTE -> text("admin.tickets.author.note", who(message.getAuthorRef()));
				case SYSTEM -> text("admin.tickets.author.system");
			};
		}

		/**
		 * A person behind an actor reference: a staff member of the web by name, a Slack
		 * user by their Slack id, the client as such.
		 */
		String who(@Nullable String ref) {
			if (ref == null) {
				return text("admin.tickets.who.unknown");
			}
			if (ref.startsWith("client:")) {
				return text("admin.tickets.who.client");
			}
			Matcher slackUser = SLACK_USER.matcher(ref);
			if (slackUser.matches()) {
				return text("admin.tickets.who.slack", slackUser.group(1));
			}
			Long staffId = staffMemberId(ref);
			if (staffId != null) {
				String name = this.staffNames.get(staffId);
				return (name != null) ? name : text("admin.tickets.who.staff-gone");
			}
			return ref;
		}

		String text(String code, Object... args) {
			return ConversationRenderer.this.texts.getMessage(code, args, this.locale);
		}

		String textOr(String code, String fallback) {
			String text = ConversationRenderer.this.texts.getMessage(code, null, null, this.locale);
			return (text != null) ? text : fallback;
		}

	}

}
