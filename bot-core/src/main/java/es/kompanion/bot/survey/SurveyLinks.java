package es.kompanion.bot.survey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import es.kompanion.bot.ticket.TicketStatus;
import es.kompanion.bot.ticket.TicketSummary;
import es.kompanion.bot.ticket.Tickets;
import es.kompanion.bot.user.Client;
import es.kompanion.bot.user.Clients;

/**
 * Single-use links to the survey of a closed ticket, for clients who answer from the
 * email rather than the chat. An answer given through a link follows the chat's rule: one
 * survey per ticket, whichever way it came first.
 */
@Service
public class SurveyLinks {

	/** The longest comment kept; a longer one is cut. */
	public static final int COMMENT_MAX_LENGTH = 2000;

	private static final Logger log = LoggerFactory.getLogger(SurveyLinks.class);

	private static final int TOKEN_BYTES = 24;

	private static final int TOKEN_MAX_LENGTH = 100;

	private final SurveyLinkRepository links;

	private final Surveys surveys;

	private final Tickets tickets;

	private final Clients clients;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	SurveyLinks(SurveyLinkRepository links, Surveys surveys, Tickets tickets, Clients clients, Clock clock) {
		this.links = links;
		this.surveys = surveys;
		this.tickets = tickets;
		this.clients = clients;
		this.clock = clock;
	}

	/**
	 * Issues a new link to the ticket's survey.
	 * @param validity how long the link can be used
	 * @return the raw token, to be put in the link; it is not stored and cannot be read
	 * back
	 * @throws es.kompanion.bot.ticket.TicketNotFoundException if there is no such ticket
	 */
	@Transactional
	public String issue(Long ticketId, Duration validity) {
		TicketSummary ticket = this.tickets.summary(ticketId);
		byte[] bytes = new byte[TOKEN_BYTES];
		this.random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = this.clock.instant();
		this.links.save(new SurveyLink(ticket.id(), ticket.clientId(), hash(token), now, now.plus(validity)));
		log.debug("Survey link issued for ticket {}", ticket.number());
		return token;
	}

	/**
	 * The survey a link leads to, while the link can be used and its ticket is closed.
	 * @return empty for an unknown, used or expired link alike
	 */
	@Transactional(readOnly = true)
	public Optional<SurveyLinkDetails> find(String token) {
		return usableLink(token).flatMap(this::details);
	}

	/**
	 * Records the client's answer through the link and uses the link up, unless the
	 * ticket was rated before.
	 * @param rating 1 to 5
	 * @param comment an optional comment, kept only with a new rating
	 */
	@Transactional
	public SurveyLinkOutcome redeem(String token, int rating, @Nullable String comment) {
		if (rating < 1 || rating > 5) {
			return SurveyLinkOutcome.INVALID;
		}
		if (!plausible(token)) {
			return SurveyLinkOutcome.UNAVAILABLE;
		}
		String tokenHash = hash(token);
		if (this.links.markUsed(tokenHash, this.clock.instant()) == 0) {
			log.debug("Survey link rejected");
			return SurveyLinkOutcome.UNAVAILABLE;
		}
		SurveyLink link = this.links.findByTokenHash(tokenHash).orElseThrow();

		RatingOutcome outcome = this.surveys.rate(link.getTicketId(), link.getClientId(), rating);

		return switch (outcome) {
			case RECORDED -> {
				if (StringUtils.hasText(comment)) {
					this.surveys.comment(link.getTicketId(), link.getClientId(), clean(comment));
				}
				yield SurveyLinkOutcome.RECORDED;
			}
			case ALREADY_RATED -> SurveyLinkOutcome.ALREADY_RATED;
			case NOT_CLOSED, INVALID -> {
				this.links.release(tokenHash);
				yield SurveyLinkOutcome.UNAVAILABLE;
			}
		};
	}

	private Optional<SurveyLink> usableLink(String token) {
		if (!plausible(token)) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		return this.links.findByTokenHash(hash(token)).filter((link) -> link.isUsable(now));
	}

	private Optional<SurveyLinkDetails> details(SurveyLink link) {
		return this.tickets.findOwned(link.getTicketId(), link.getClientId())
			.filter((ticket) -> ticket.status() == TicketStatus.CLOSED)
			.map((ticket) -> new SurveyLinkDetails(ticket.id(), ticket.number(), language(ticket.clientId()),
					this.surveys.find(ticket.id()).isPresent()));
	}

	private String language(Long clientId) {
		return this.clients.find(clientId).map(Client::getLanguage).orElse("es");
	}

	private static boolean plausible(String token) {
		return StringUtils.hasText(token) && token.length() <= TOKEN_MAX_LENGTH;
	}

	private static String clean(String comment) {
		String text = comment.strip();
		return (text.length() <= COMMENT_MAX_LENGTH) ? text : text.substring(0, COMMENT_MAX_LENGTH);
	}

	static String hash(String token) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(token.strip().getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
