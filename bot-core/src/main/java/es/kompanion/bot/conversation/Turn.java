package es.kompanion.bot.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.statemachine.StateContext;

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

	private final Locale locale;

	private final Channel channel;

	private final List<Reply> replies = new ArrayList<>();

	private @Nullable RuntimeException failure;

	Turn(Signal signal, LinkedClient client, Locale locale, Channel channel) {
		this.signal = signal;
		this.client = client;
		this.locale = locale;
		this.channel = channel;
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
