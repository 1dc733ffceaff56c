package es.kompanion.bot.ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
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

	Tickets(TicketRepository tickets, TicketMessageRepository messages, TicketNumbers numbers, ClientRepository clients,
			StaffRepository staff, TicketSearch search, ApplicationEventPublisher events, Clock clock) {
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
		Instant now = this.clock.instant();
		Ticket ticket = this.tickets
			.save(new Ticket(this.numbers.next(), clientId, department, description, origin, now));
		this.messages.save(new TicketMessage(ticket.getId(), Actor.client(clientId), description, null, now));

		log.info("Ticket {} opened in {}", ticket.getNumber(), department);
		this.events.publishEvent(new TicketOpened(ticket.getId(), ticket.getNumber(), clientId));
		return summarize(ticket);
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
		Ticket ticket = this.tickets.findById(ticketId).orElseThrow(() -> new TicketNotFoundException(ticketId));
		Instant now = this.clock.instant();
		TicketMessage message = this.messages.save(new TicketMessage(ticket.getId(), staff, text, externalRef, now));
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
