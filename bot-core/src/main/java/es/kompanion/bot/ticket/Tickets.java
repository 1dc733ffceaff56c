package es.kompanion.bot.ticket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import es.kompanion.bot.CoreProperties;
import es.kompanion.bot.user.Channel;
import es.kompanion.bot.user.Department;
import es.kompanion.bot.user.Client;
import es.kompanion.bot.user.ClientRepository;
import es.kompanion.bot.user.Staff;
import es.kompanion.bot.user.StaffRepository;

/**
 * Opens tickets, records their messages and moves their status, publishing an event for
 * each change so that channels and staff hear about it.
 */
@Service
public class Tickets {

	private static final Logger log = LoggerFactory.getLogger(Tickets.class);

	private final TicketRepository tickets;

	private final TicketMessageRepository messages;

	private final TicketNumbers numbers;

	private final ClientRepository clients;

	private final StaffRepository staff;

	private final TicketSearch search;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TicketAttachmentRepository attachments;

	private final Duration reopenWindow;

	private final OwnTicketSearch ownSearch;

	Tickets(TicketRepository tickets, TicketMessageRepository messages, TicketNumbers numbers, ClientRepository clients,
			StaffRepository staff, TicketSearch search, ApplicationEventPublisher events, Clock clock,
			TicketAttachmentRepository attachments, CoreProperties properties, OwnTicketSearch ownSearch) {
		this.ownSearch = ownSearch;
		this.attachments = attachments;
		this.reopenWindow = properties.reopenWindow();
		this.tickets = tickets;
		this.messages = messages;
		this.numbers = numbers;
		this.clients = clients;
		this.staff = staff;
		this.search = search;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public TicketSummary open(Long clientId, Department department, String description, Channel origin) {
		return open(clientId, department, ClientPost.text(description), origin);
	}

	/**
	 * Opens a ticket with the client's first message, files included.
	 */
	@Transactional
	public TicketSummary open(Long clientId, Department department, ClientPost post, Channel origin) {
		return summarize(create(clientId, department, post, origin, null).ticket());
	}

	private Created create(Long clientId, Department department, ClientPost post, Channel origin,
			@Nullable Ticket previous) {
		Instant now = this.clock.instant();
		String description = describe(post);
		Ticket ticket = new Ticket(this.numbers.next(), clientId, department, description, origin, now);
		if (previous != null) {
			ticket.continues(previous.getId());
		}
		ticket = this.tickets.save(ticket);
		if (previous != null) {
			this.messages.save(new TicketMessage(ticket.getId(), Actor.client(clientId),
					"follow-up of #" + previous.getNumber(), null, now)
				.asSystem());
		}
		TicketMessage first = this.messages
			.save(new TicketMessage(ticket.getId(), Actor.client(clientId), post.text(), post.externalRef(), now));
		addFiles(ticket, first, AttachmentDirection.FROM_CLIENT, origin, post.files(), now);

		log.info("Ticket {} opened in {}", ticket.getNumber(), department);
		this.events.publishEvent(new TicketOpened(ticket.getId(), ticket.getNumber(), clientId));
		return new Created(ticket, first);
	}

	private record Created(Ticket ticket, TicketMessage first) {

	}

	private static String describe(ClientPost post) {
		if (!post.text().isBlank() || post.files().isEmpty()) {
			return post.text();
		}
		StringBuilder names = new StringBuilder();
		for (IncomingFile file : post.files()) {
			names.append((names.length() == 0) ? "📎 " : ", ").append(file.fileName());
		}
		return names.toString();
	}

	private void addFiles(Ticket ticket, TicketMessage message, AttachmentDirection direction, Channel source,
			List<IncomingFile> files, Instant now) {
		for (IncomingFile file : files) {
			TicketAttachment attachment = this.attachments
				.save(new TicketAttachment(ticket.getId(), message.getId(), direction, source, file, now));
			this.events.publishEvent(new AttachmentAdded(attachment.getId(), ticket.getId(), direction, source));
		}
	}

	/**
	 * Adds what a client wrote to one of their tickets, whatever its status: a ticket
	 * waiting for the client goes back to the firm, one closed within the reopen window
	 * is reopened, and one closed longer ago is left alone and a follow-up ticket in the
	 * same department is opened with the message.
	 * @return empty if the ticket is not the client's
	 */
	@Transactional
	public Optional<ClientPostOutcome> post(Long ticketId, Long clientId, ClientPost post, Channel channel) {
		Optional<Ticket> found = this.tickets.findById(ticketId).filter((t) -> t.isOwnedBy(clientId));
		if (found.isEmpty()) {
			return Optional.empty();
		}
		Ticket ticket = found.get();
		Instant now = this.clock.instant();
		Actor client = Actor.client(clientId);
		if (ticket.getStatus() == TicketStatus.CLOSED) {
			Instant closedAt = (ticket.getClosedAt() != null) ? ticket.getClosedAt() : ticket.getUpdatedAt();
			if (closedAt.plus(this.reopenWindow).isBefore(now)) {
				Optional<Ticket> open = this.tickets.findFirstByFollowUpOfAndStatusNotOrderByIdDesc(ticket.getId(),
						TicketStatus.CLOSED);
				if (open.isPresent()) {
					// The follow-up already started goes on, rather than one more.
					return post(open.get().getId(), clientId, post, channel);
				}
				Created followUp = create(clientId, ticket.getDepartment(), post, channel, ticket);
				return Optional.of(new ClientPostOutcome(ClientPostOutcome.Kind.FOLLOW_UP, summarize(followUp.ticket()),
						followUp.first().getId(), summarize(ticket)));
			}
			move(ticket, TicketStatus.OPEN, client);
			TicketMessage message = append(ticket, post, channel, now);
			return Optional
				.of(new ClientPostOutcome(ClientPostOutcome.Kind.REOPENED, summarize(ticket), message.getId(), null));
		}
		TicketMessage message = append(ticket, post, channel, now);
		if (ticket.getStatus() == TicketStatus.PENDING_CLIENT) {
			move(ticket, TicketStatus.OPEN, client);
		}
		return Optional
			.of(new ClientPostOutcome(ClientPostOutcome.Kind.ADDED, summarize(ticket), message.getId(), null));
	}

	private TicketMessage append(Ticket ticket, ClientPost post, Channel channel, Instant now) {
		TicketMessage message = this.messages.save(new TicketMessage(ticket.getId(), Actor.client(ticket.getClientId()),
				post.text(), post.externalRef(), now));
		addFiles(ticket, message, AttachmentDirection.FROM_CLIENT, channel, post.files(), now);
		ticket.touch(now);
		this.events.publishEvent(new ClientMessageAdded(ticket.getId(), message.getId(), ticket.getClientId()));
		return message;
	}

	/**
	 * Adds more files to a message the client already sent, such as the later photos of
	 * an album that arrive one by one.
	 * @return {@code false} if the message is not the client's
	 */
	@Transactional
	public boolean addFilesToClientMessage(Long messageId, Long clientId, List<IncomingFile> files, Channel channel) {
		return addToClientMessage(messageId, clientId, "", files, channel);
	}

	/**
	 * Adds more of an album to a message the client already sent: its files, and its
	 * caption when the part that carries one arrives after the first. The caption is
	 * passed on like a message of its own, so the staff thread shows it.
	 * @return {@code false} if the message is not the client's
	 */
	@Transactional
	public boolean addToClientMessage(Long messageId, Long clientId, String caption, List<IncomingFile> files,
			Channel channel) {
		Optional<TicketMessage> message = this.messages.findById(messageId)
			.filter((m) -> m.getAuthorType() == AuthorType.CLIENT
					&& Actor.client(clientId).ref().equals(m.getAuthorRef()));
		if (message.isEmpty()) {
			return false;
		}
		Ticket ticket = this.tickets.findById(message.get().getTicketId()).orElseThrow();
		addFiles(ticket, message.get(), AttachmentDirection.FROM_CLIENT, channel, files, this.clock.instant());
		if (!caption.isBlank()) {
			String body = message.get().getBody();
			message.get().correct(body.isBlank() ? caption.strip() : body + "\n\n" + caption.strip());
			this.events.publishEvent(new ClientMessageAdded(ticket.getId(), messageId, clientId));
		}
		return true;
	}

	/**
	 * The client edited a chat message that is stored on a ticket: the stored text
	 * follows, and so does the ticket's description if it was the first message. Nothing
	 * is sent anywhere.
	 * @return {@code true} if a stored message was corrected
	 */
	@Transactional
	public boolean correctClientMessage(Long clientId, String externalRef, String text) {
		boolean corrected = false;
		Actor client = Actor.client(clientId);
		for (TicketMessage message : this.messages.findByExternalRefAndAuthorTypeAndAuthorRef(externalRef,
				client.type(), client.ref())) {
			Ticket ticket = this.tickets.findById(message.getTicketId()).orElseThrow();
			List<TicketMessage> all = this.messages.findByTicketIdOrderById(ticket.getId());
			TicketMessage first = all.stream()
				.filter((m) -> m.getAuthorType() == AuthorType.CLIENT)
				.findFirst()
				.orElse(message);
			if (first.getId().equals(message.getId())) {
				ticket.correctDescription(text, this.clock.instant());
			}
			message.correct(text);
			corrected = true;
			log.debug("Client corrected a message on ticket {}", ticket.getNumber());
		}
		return corrected;
	}

	/**
	 * The ticket holding a chat message the client sent, by the platform's name for it.
	 */
	@Transactional(readOnly = true)
	public Optional<Long> ticketOfClientMessage(Long clientId, String externalRef) {
		Actor client = Actor.client(clientId);
		return this.messages.findByExternalRefAndAuthorTypeAndAuthorRef(externalRef, client.type(), client.ref())
			.stream()
			.map(TicketMessage::getTicketId)
			.findFirst();
	}

	/**
	 * The closed ticket that the given one continues, if any.
	 */
	@Transactional(readOnly = true)
	public Optional<TicketSummary> previousOf(Long ticketId) {
		return this.tickets.findById(ticketId)
			.map(Ticket::getFollowUpOf)
			.flatMap(this.tickets::findById)
			.map(this::summarize);
	}

	/**
	 * When the ticket was closed, if it is.
	 */
	@Transactional(readOnly = true)
	public Optional<Instant> closedAt(Long ticketId) {
		return this.tickets.findById(ticketId).map(Ticket::getClosedAt);
	}

	/**
	 * The client's newest ticket in the department that is not closed and was opened
	 * after the given moment.
	 */
	@Transactional(readOnly = true)
	public Optional<TicketSummary> recentUnresolved(Long clientId, Department department, Instant since) {
		return this.tickets
			.findFirstByClientIdAndDepartmentAndStatusNotAndCreatedAtAfterOrderByCreatedAtDescIdDesc(clientId,
					department, TicketStatus.CLOSED, since)
			.map(this::summarize);
	}

	/**
	 * The client's tickets whose description or conversation holds every word of the
	 * text, newest first; internal notes and system records are not searched.
	 */
	@Transactional(readOnly = true)
	public Page<TicketSummary> searchOwn(Long clientId, String text, Pageable page) {
		return this.ownSearch.find(clientId, text, page).map(this::summarize);
	}

	/**
	 * Adds a client's message to one of their own tickets; a ticket waiting for the
	 * client goes back to the firm.
	 * @throws TicketNotFoundException if the ticket is not the client's
	 * @throws IllegalStateException if the ticket is closed
	 */
	@Transactional
	public TicketMessage addClientMessage(Long ticketId, Long clientId, String text) {
		Ticket ticket = ownedTicket(ticketId, clientId);
		if (ticket.getStatus() == TicketStatus.CLOSED) {
			throw new IllegalStateException("Ticket " + ticket.getNumber() + " is " + ticket.getStatus());
		}
		Instant now = this.clock.instant();
		Actor client = Actor.client(clientId);
		TicketMessage message = this.messages.save(new TicketMessage(ticket.getId(), client, text, null, now));
		ticket.touch(now);
		this.events.publishEvent(new ClientMessageAdded(ticket.getId(), message.getId(), clientId));

		if (ticket.getStatus() == TicketStatus.PENDING_CLIENT) {
			move(ticket, TicketStatus.OPEN, client);
		}
		return message;
	}

	/**
	 * Records a staff answer; the client hears about it through {@link StaffReplied}.
	 * @param staff who answered: a Slack user in the ticket's thread, or a
	 * {@linkplain Actor#staffMember(Long) staff member} in the admin web
	 * @param externalRef where the answer was written, such as a Slack message timestamp
	 */
	@Transactional
	public TicketMessage addStaffReply(Long ticketId, Actor staff, String text, @Nullable String externalRef) {
		return addStaffReply(ticketId, staff, text, externalRef, List.of(), Channel.SLACK);
	}

	/**
	 * Records a staff answer with files; each file reaches the client once its channel
	 * has fetched it.
	 * @param source the channel the files are fetched from
	 */
	@Transactional
	public TicketMessage addStaffReply(Long ticketId, Actor staff, String text, @Nullable String externalRef,
			List<IncomingFile> files, Channel source) {
		Ticket ticket = this.tickets.findById(ticketId).orElseThrow(() -> new TicketNotFoundException(ticketId));
		Instant now = this.clock.instant();
		TicketMessage message = this.messages.save(new TicketMessage(ticket.getId(), staff, text, externalRef, now));
		addFiles(ticket, message, AttachmentDirection.FROM_STAFF, source, files, now);
		ticket.touch(now);

		log.debug("Staff replied on ticket {}", ticket.getNumber());
		this.events.publishEvent(new StaffReplied(ticket.getId(), message.getId(), ticket.getClientId(), staff));
		return message;
	}

	/**
	 * Moves a ticket to another status and records who did it.
	 * @return {@code false} if the ticket already had that status, so nothing changed
	 */
	@Transactional
	public boolean changeStatus(Long ticketId, TicketStatus target, Actor actor) {
		Ticket ticket = this.tickets.findById(ticketId).orElseThrow(() -> new TicketNotFoundException(ticketId));
		if (actor.isClient() && !actor.equals(Actor.client(ticket.getClientId()))) {
			throw new TicketNotFoundException(ticketId);
		}
		return move(ticket, target, actor);
	}

	private boolean move(Ticket ticket, TicketStatus target, Actor actor) {
		TicketStatus from = ticket.getStatus();
		Instant now = this.clock.instant();
		if (!ticket.moveTo(target, now)) {
			return false;
		}
		String record = "status " + from + " -> " + target;
		this.messages
			.save(new TicketMessage(ticket.getId(), new Actor(AuthorType.SYSTEM, actor.ref()), record, null, now));

		log.info("Ticket {} moved from {} to {} by {}", ticket.getNumber(), from, target, actor.type());
		this.events.publishEvent(
				new TicketStatusChanged(ticket.getId(), ticket.getNumber(), ticket.getClientId(), from, target, actor));
		return true;
	}

	/**
	 * Records that a message about the ticket did not reach the client, and tells staff.
	 */
	@Transactional
	public void recordClientUnreachable(Long ticketId, String channel, String reason) {
		Ticket ticket = this.tickets.findById(ticketId).orElseThrow(() -> new TicketNotFoundException(ticketId));
		this.messages.save(new TicketMessage(ticket.getId(), Actor.system(),
				"delivery to " + channel + " failed: " + reason, null, this.clock.instant()));

		log.warn("Ticket {}: a message to the client on {} could not be delivered", ticket.getNumber(), channel);
		this.events.publishEvent(new ClientUnreachable(ticket.getId(), ticket.getNumber(), channel, reason));
	}

	/**
	 * Remembers where the ticket's staff thread lives, so replies there find the ticket.
	 */
	@Transactional
	public void attachStaffThread(Long ticketId, String ref) {
		this.tickets.findById(ticketId).orElseThrow(() -> new TicketNotFoundException(ticketId)).attachStaffThread(ref);
	}

	@Transactional(readOnly = true)
	public Optional<TicketSummary> findByStaffThread(String ref) {
		return this.tickets.findByStaffThreadRef(ref).map(this::summarize);
	}

	@Transactional(readOnly = true)
	public TicketSummary summary(Long ticketId) {
		return this.tickets.findById(ticketId)
			.map(this::summarize)
			.orElseThrow(() -> new TicketNotFoundException(ticketId));
	}

	/**
	 * A ticket of the client's own, by its number; somebody else's looks the same as
	 * none.
	 */
	@Transactional(readOnly = true)
	public Optional<TicketSummary> findOwnedByNumber(Long clientId, long number) {
		return this.tickets.findByNumber(number).filter((t) -> t.isOwnedBy(clientId)).map(this::summarize);
	}

	/**
	 * A ticket of the client's own, by its id; somebody else's looks the same as none.
	 * Callers inside a transaction use this rather than catching
	 * {@link TicketNotFoundException}, which would mark their transaction for rollback.
	 */
	@Transactional(readOnly = true)
	public Optional<TicketSummary> findOwned(Long ticketId, Long clientId) {
		return this.tickets.findById(ticketId).filter((t) -> t.isOwnedBy(clientId)).map(this::summarize);
	}

	@Transactional(readOnly = true)
	public TicketMessage message(Long messageId) {
		return this.messages.findById(messageId).orElseThrow(() -> new IllegalArgumentException("No message"));
	}

	@Transactional(readOnly = true)
	public List<TicketMessage> messagesOf(Long ticketId) {
		return this.messages.findByTicketIdOrderById(ticketId);
	}

	/**
	 * All tickets that match the filter, newest first, each with its client.
	 */
	@Transactional(readOnly = true)
	public Page<TicketSummary> search(TicketFilter filter, Pageable page) {
		return this.search.find(filter, page);
	}

	/**
	 * The name of the staff member behind an actor who acted in the admin web, read now,
	 * so that a renamed person shows with their new name.
	 * @return empty for any other actor, or for a staff member who is gone
	 */
	@Transactional(readOnly = true)
	public Optional<String> staffMemberName(Actor actor) {
		Long staffId = actor.staffMemberId();
		return (staffId != null) ? this.staff.findById(staffId).map(Staff::getFullName) : Optional.empty();
	}

	/**
	 * How many tickets there are in each status.
	 */
	@Transactional(readOnly = true)
	public Map<TicketStatus, Long> countByStatus() {
		Map<TicketStatus, Long> counts = new EnumMap<>(TicketStatus.class);
		for (TicketStatus status : TicketStatus.values()) {
			counts.put(status, this.tickets.countByStatus(status));
		}
		return counts;
	}

	/**
	 * One page of the client's tickets, newest first, in one status or all.
	 */
	@Transactional(readOnly = true)
	public Page<TicketSummary> pageOf(Long clientId, @Nullable TicketStatus status, Pageable page) {
		Page<Ticket> found = (status != null)
				? this.tickets.findByClientIdAndStatusOrderByCreatedAtDescIdDesc(clientId, status, page)
				: this.tickets.findByClientIdOrderByCreatedAtDescIdDesc(clientId, page);
		return found.map(this::summarize);
	}

	/**
	 * How many of the client's tickets are in each status.
	 */
	@Transactional(readOnly = true)
	public Map<TicketStatus, Long> countsOf(Long clientId) {
		Map<TicketStatus, Long> counts = new EnumMap<>(TicketStatus.class);
		for (TicketStatus status : TicketStatus.values()) {
			counts.put(status, this.tickets.countByClientIdAndStatus(clientId, status));
		}
		return counts;
	}

	/**
	 * The client's tickets that are not closed, newest first.
	 */
	@Transactional(readOnly = true)
	public List<TicketSummary> unresolvedOf(Long clientId, int limit) {
		return this.tickets
			.findByClientIdAndStatusNotOrderByCreatedAtDescIdDesc(clientId, TicketStatus.CLOSED, Limit.of(limit))
			.stream()
			.map(this::summarize)
			.toList();
	}

	private Ticket ownedTicket(Long ticketId, Long clientId) {
		return this.tickets.findById(ticketId)
			.filter((t) -> t.isOwnedBy(clientId))
			.orElseThrow(() -> new TicketNotFoundException(ticketId));
	}

	private TicketSummary summarize(Ticket ticket) {
		Optional<Client> client = this.clients.findById(ticket.getClientId());
		return new TicketSummary(ticket.getId(), ticket.getNumber(), ticket.getClientId(),
				client.map(Client::getFullName).orElse("?"), client.map(Client::getCompany).orElse(null),
				ticket.getDepartment(), ticket.getStatus(), ticket.getDescription(), ticket.getOriginChannel(),
				ticket.getStaffThreadRef(), ticket.getCreatedAt(), ticket.getUpdatedAt());
	}

}
