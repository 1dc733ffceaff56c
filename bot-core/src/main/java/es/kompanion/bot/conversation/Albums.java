package es.kompanion.bot.conversation;

import java.util.EnumSet;
import java.util.Map;

import org.springframework.stereotype.Component;

import es.kompanion.bot.ticket.Tickets;

/**
 * Keeps an album together. Platforms such as Telegram send an album as one message per
 * file, all with the same album id and usually only the first with a caption. The first
 * one goes through the conversation like any message; each later one joins wherever the
 * first ended up, without a word to the client.
 */
@Component
class Albums {

	static final String ALBUM = "album";

	static final String TARGET = "albumTarget";

	private static final String DRAFT = "draft";

	private static final String PENDING = "pending";

	private static final String MESSAGE = "message:";

	private static final EnumSet<ConversationState> DRAFTING = EnumSet.of(ConversationState.CHOOSING_DEPARTMENT,
			ConversationState.WRITING_DESCRIPTION, ConversationState.CONFIRMING_TICKET,
			ConversationState.OFFERING_EXISTING);

	private final Tickets tickets;

	Albums(Tickets tickets) {
		this.tickets = tickets;
	}

	/**
	 * Adds the files of a later part of an album to where the first part went.
	 * @return {@code true} if the input was such a part and is dealt with
	 */
	boolean join(Turn turn, Map<String, String> vars) {
		String album = turn.inbound().mediaGroupId();
		if (album == null || !album.equals(vars.get(ALBUM))) {
			return false;
		}
		ConversationEvent event = turn.signal().event();
		String caption = (turn.signal().text() != null) ? turn.signal().text().strip() : "";
		String target = vars.getOrDefault(TARGET, "");
		if (target.startsWith(MESSAGE) && (event == ConversationEvent.FILES || event == ConversationEvent.QUOTED_REPLY
				|| event == ConversationEvent.TEXT)) {
			// The caption may ride on any part of the album: it joins the same message.
			this.tickets.addToClientMessage(Long.valueOf(target.substring(MESSAGE.length())), turn.clientId(), caption,
					turn.files(), turn.channel());
			return true;
		}
		boolean onlyFiles = event == ConversationEvent.FILES
				|| (event == ConversationEvent.QUOTED_REPLY && caption.isEmpty());
		if (!onlyFiles) {
			return false;
		}
		if (target.equals(DRAFT)) {
			DraftFiles.add(vars, ConversationActions.DRAFT_FILES, turn.files());
		}
		else if (target.equals(PENDING)) {
			DraftFiles.add(vars, ConversationActions.PENDING_FILES, turn.files());
		}
		else {
			return false;
		}
		return true;
	}

	/**
	 * Notes where the first part of an album went, for the parts still to come.
	 */
	void remember(Turn turn, ConversationState state, Map<String, String> vars) {
		String album = turn.inbound().mediaGroupId();
		vars.remove(ALBUM);
		vars.remove(TARGET);
		if (album == null) {
			return;
		}
		String target = null;
		if (turn.postedMessageId() != null) {
			target = MESSAGE + turn.postedMessageId();
		}
		else if (DRAFTING.contains(state)) {
			target = DRAFT;
		}
		else if (state == ConversationState.CHOOSING_TICKET_FOR_TEXT) {
			target = PENDING;
		}
		if (target != null) {
			vars.put(ALBUM, album);
			vars.put(TARGET, target);
		}
	}

}
