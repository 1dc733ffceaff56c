package es.kompanion.bot.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.statemachine.StateContext;

import es.kompanion.bot.ticket.IncomingFile;
import es.kompanion.bot.user.Channel;
import es.kompanion.bot.user.LinkedClient;

/**
 * One pass of an inbound input through the machine: what came in, who sent it, and the
 * replies gathered on the way. Travels to actions and guards as a message header.
 */
final class Turn {

	static final String HEADER = "turn";

	private final Signal signal;

	private final LinkedClient client;

	private Locale locale;

	private final Channel channel;

	private final Inbound inbound;

	private final List<IncomingFile> files;

	private @Nullable Long postedMessageId;

	private final List<Reply> replies = new ArrayList<>();

	private @Nullable RuntimeException failure;

	Turn(Signal signal, LinkedClient client, Locale locale, Inbound inbound, List<IncomingFile> files) {
		this.signal = signal;
		this.client = client;
		this.locale = locale;
		this.channel = inbound.account().channel();
		this.inbound = inbound;
		this.files = List.copyOf(files);
	}

	static Turn of(StateContext<ConversationState, ConversationEvent> context) {
		Turn turn = context.getMessageHeaders().get(HEADER, Turn.class);
		if (turn == null) {
			throw new IllegalStateException("Event sent without a turn");
		}
		return turn;
	}

	Signal signal() {
		return this.signal;
	}

	LinkedClient client() {
		return this.client;
	}

	Long clientId() {
		return this.client.clientId();
	}

	Locale locale() {
		return this.locale;
	}

	Channel channel() {
		return this.channel;
	}

	Inbound inbound() {
		return this.inbound;
	}

	/**
	 * The files that came with this input and passed the file policy.
	 */
	List<IncomingFile> files() {
		return this.files;
	}

	/**
	 * How the message of this input is named on a ticket, if the channel gave its id.
	 */
	@Nullable String messageRef() {
		return (this.inbound.messageRef() != null)
				? ConversationEngine.externalRef(this.inbound.account(), this.inbound.messageRef()) : null;
	}

	/**
	 * From now on this turn speaks the given language.
	 */
	void speak(Locale locale) {
		this.locale = locale;
	}

	/**
	 * The ticket message this input ended up in, so that the rest of an album can join
	 * it.
	 */
	void posted(Long messageId) {
		this.postedMessageId = messageId;
	}

	@Nullable Long postedMessageId() {
		return this.postedMessageId;
	}

	void say(Reply reply) {
		this.replies.add(reply);
	}

	List<Reply> replies() {
		return List.copyOf(this.replies);
	}

	void fail(RuntimeException failure) {
		if (this.failure == null) {
			this.failure = failure;
		}
	}

	@Nullable RuntimeException failure() {
		return this.failure;
	}

}
