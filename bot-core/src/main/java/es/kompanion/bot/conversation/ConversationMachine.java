package es.kompanion.bot.conversation;

import java.util.EnumSet;

import org.springframework.context.annotation.Configuration;
import org.springframework.statemachine.config.EnableStateMachineFactory;
import org.springframework.statemachine.config.EnumStateMachineConfigurerAdapter;
import org.springframework.statemachine.config.builders.StateMachineStateConfigurer;
import org.springframework.statemachine.config.builders.StateMachineTransitionConfigurer;

import static es.kompanion.bot.conversation.ConversationEvent.ADD_TO_TICKET;
import static es.kompanion.bot.conversation.ConversationEvent.CANCEL;
import static es.kompanion.bot.conversation.ConversationEvent.CHANGE_DEPARTMENT;
import static es.kompanion.bot.conversation.ConversationEvent.CHANGE_TEXT;
import static es.kompanion.bot.conversation.ConversationEvent.CONFIRM;
import static es.kompanion.bot.conversation.ConversationEvent.DEPARTMENT;
import static es.kompanion.bot.conversation.ConversationEvent.FILES;
import static es.kompanion.bot.conversation.ConversationEvent.MENU;
import static es.kompanion.bot.conversation.ConversationEvent.MY_TICKETS;
import static es.kompanion.bot.conversation.ConversationEvent.NEW_TICKET;
import static es.kompanion.bot.conversation.ConversationEvent.NEW_TICKET_ANYWAY;
import static es.kompanion.bot.conversation.ConversationEvent.NEW_TICKET_FROM_TEXT;
import static es.kompanion.bot.conversation.ConversationEvent.RATE;
import static es.kompanion.bot.conversation.ConversationEvent.REPLY_TO;
import static es.kompanion.bot.conversation.ConversationEvent.SEARCH;
import static es.kompanion.bot.conversation.ConversationEvent.SKIP;
import static es.kompanion.bot.conversation.ConversationEvent.TEXT;
import static es.kompanion.bot.conversation.ConversationState.AFTER_DEPARTMENT;
import static es.kompanion.bot.conversation.ConversationState.AFTER_OFFER_ACCEPTED;
import static es.kompanion.bot.conversation.ConversationState.AFTER_OFFER_DECLINED;
import static es.kompanion.bot.conversation.ConversationState.AFTER_RATING;
import static es.kompanion.bot.conversation.ConversationState.CHECK_DESCRIPTION;
import static es.kompanion.bot.conversation.ConversationState.CHOOSING_DEPARTMENT;
import static es.kompanion.bot.conversation.ConversationState.CHOOSING_TICKET_FOR_TEXT;
import static es.kompanion.bot.conversation.ConversationState.CONFIRMING_TICKET;
import static es.kompanion.bot.conversation.ConversationState.IDLE;
import static es.kompanion.bot.conversation.ConversationState.OFFERING_EXISTING;
import static es.kompanion.bot.conversation.ConversationState.SEARCHING;
import static es.kompanion.bot.conversation.ConversationState.WRITING_DESCRIPTION;
import static es.kompanion.bot.conversation.ConversationState.WRITING_REPLY;
import static es.kompanion.bot.conversation.ConversationState.WRITING_SURVEY_COMMENT;

/**
 * The dialog a client has with the bot. Menu, cancel, new ticket, my tickets, reply and
 * rate work from every resting state; the rest belongs to one step. Input a state does
 * not take gets the step's prompt again (see {@link ConversationEngine}).
 */
@Configuration(proxyBeanMethods = false)
@EnableStateMachineFactory
class ConversationMachine extends EnumStateMachineConfigurerAdapter<ConversationState, ConversationEvent> {

	/** States the machine rests in between two inputs. */
	static final EnumSet<ConversationState> RESTING = EnumSet.of(IDLE, CHOOSING_DEPARTMENT, WRITING_DESCRIPTION,
			CONFIRMING_TICKET, WRITING_REPLY, CHOOSING_TICKET_FOR_TEXT, WRITING_SURVEY_COMMENT, SEARCHING,
			OFFERING_EXISTING);

	/** States holding a ticket draft that a rating must not throw away. */
	private static final EnumSet<ConversationState> DRAFTING = EnumSet.of(CHOOSING_DEPARTMENT, WRITING_DESCRIPTION,
			CONFIRMING_TICKET, OFFERING_EXISTING);

	/** States where files sent are kept for what is being prepared. */
	private static final EnumSet<ConversationState> KEEPING_FILES = EnumSet.of(CHOOSING_DEPARTMENT, WRITING_DESCRIPTION,
			CONFIRMING_TICKET, CHOOSING_TICKET_FOR_TEXT, OFFERING_EXISTING);

	/** What a client can ask for or do at any step without losing it. */
	private static final EnumSet<ConversationEvent> LOOK_UPS = EnumSet.of(ConversationEvent.RESOURCES,
			ConversationEvent.FAQ, ConversationEvent.FAQ_DEPARTMENT, ConversationEvent.FAQ_ENTRY,
			ConversationEvent.CALENDAR, ConversationEvent.HELP, ConversationEvent.TICKET_DETAIL,
			ConversationEvent.TICKET_BY_NUMBER, ConversationEvent.CLOSE_TICKET, ConversationEvent.ASK_RATING,
			ConversationEvent.SEARCH_PAGE, ConversationEvent.LANGUAGE, ConversationEvent.QUOTED_REPLY,
			ConversationEvent.UNLINK, ConversationEvent.EMAIL_CHANGE);

	private final ConversationActions actions;

	ConversationMachine(ConversationActions actions) {
		this.actions = actions;
	}

	@Override
	public void configure(StateMachineStateConfigurer<ConversationState, ConversationEvent> states) throws Exception {
		states.withStates()
			.initial(IDLE)
			.states(RESTING)
			.choice(CHECK_DESCRIPTION)
			.choice(AFTER_DEPARTMENT)
			.choice(AFTER_RATING)
			.choice(AFTER_OFFER_ACCEPTED)
			.choice(AFTER_OFFER_DECLINED);
	}

	@Override
	public void configure(StateMachineTransitionConfigurer<ConversationState, ConversationEvent> transitions)
			throws Exception {
		for (ConversationState state : RESTING) {
			configureEverywhere(transitions, state);
		}

		transitions.withExternal()
			.source(IDLE)
			.target(CHOOSING_TICKET_FOR_TEXT)
			.event(TEXT)
			.action(this.actions.askWhichTicket())
			.and()
			.withExternal()
			.source(CHOOSING_DEPARTMENT)
			.target(AFTER_DEPARTMENT)
			.event(DEPARTMENT)
			.action(this.actions.storeDepartment())
			.and()
			.withExternal()
			.source(IDLE)
			.target(CHOOSING_TICKET_FOR_TEXT)
			.event(FILES)
			.action(this.actions.askWhichTicket())
			.and()
			.withChoice()
			.source(AFTER_DEPARTMENT)
			.first(OFFERING_EXISTING, this.actions.hasRecentTicket(), this.actions.offerRecentTicket())
			.then(CONFIRMING_TICKET, this.actions.hasDescription(), this.actions.showSummary())
			.last(WRITING_DESCRIPTION, this.actions.askDescription())
			.and()
			.withExternal()
			.source(OFFERING_EXISTING)
			.target(AFTER_OFFER_ACCEPTED)
			.event(ADD_TO_TICKET)
			.guard(this.actions.acceptsOffer())
			.and()
			.withInternal()
			.source(OFFERING_EXISTING)
			.event(TEXT)
			.action(this.actions.keepOfferText())
			.and()
			.withInternal()
			.source(CHOOSING_TICKET_FOR_TEXT)
			.event(TEXT)
			.action(this.actions.addToPendingText())
			.and()
			.withInternal()
			.source(CONFIRMING_TICKET)
			.event(TEXT)
			.action(this.actions.addToDescription())
			.and()
			.withChoice()
			.source(AFTER_OFFER_ACCEPTED)
			.first(IDLE, this.actions.hasDraftMessage(), this.actions.addDraftToOffered())
			.last(WRITING_REPLY, this.actions.askReplyToOffered())
			.and()
			.withExternal()
			.source(OFFERING_EXISTING)
			.target(AFTER_OFFER_DECLINED)
			.event(NEW_TICKET_ANYWAY)
			.and()
			.withChoice()
			.source(AFTER_OFFER_DECLINED)
			.first(CONFIRMING_TICKET, this.actions.hasDescription(), this.actions.showSummary())
			.last(WRITING_DESCRIPTION, this.actions.askDescription())
			.and()
			.withExternal()
			.source(SEARCHING)
			.target(IDLE)
			.event(TEXT)
			.action(this.actions.searchWritten())
			.and()
			.withExternal()
			.source(WRITING_DESCRIPTION)
			.target(CHECK_DESCRIPTION)
			.event(TEXT)
			.action(this.actions.storeCandidate())
			.and()
			.withChoice()
			.source(CHECK_DESCRIPTION)
			.first(CONFIRMING_TICKET, this.actions.candidateIsValid(), this.actions.acceptCandidate())
			.last(WRITING_DESCRIPTION, this.actions.rejectCandidate())
			.and()
			.withExternal()
			.source(CONFIRMING_TICKET)
			.target(IDLE)
			.event(CONFIRM)
			.action(this.actions.createTicket())
			.and()
			.withExternal()
			.source(CONFIRMING_TICKET)
			.target(CHOOSING_DEPARTMENT)
			.event(CHANGE_DEPARTMENT)
			.action(this.actions.askDepartmentAgain())
			.and()
			.withExternal()
			.source(CONFIRMING_TICKET)
			.target(WRITING_DESCRIPTION)
			.event(CHANGE_TEXT)
			.action(this.actions.askNewText())
			.and()
			.withExternal()
			.source(WRITING_REPLY)
			.target(IDLE)
			.event(TEXT)
			.action(this.actions.sendReply())
			.and()
			.withExternal()
			.source(WRITING_REPLY)
			.target(IDLE)
			.event(FILES)
			.action(this.actions.sendReply())
			.and()
			.withExternal()
			.source(CHOOSING_TICKET_FOR_TEXT)
			.target(IDLE)
			.event(ADD_TO_TICKET)
			.action(this.actions.addPendingText())
			.and()
			.withExternal()
			.source(CHOOSING_TICKET_FOR_TEXT)
			.target(CHOOSING_DEPARTMENT)
			.event(NEW_TICKET_FROM_TEXT)
			.action(this.actions.startTicketFromText())
			.and()
			.withChoice()
			.source(AFTER_RATING)
			.first(WRITING_SURVEY_COMMENT, this.actions.ratingRecorded(), this.actions.askComment())
			.last(IDLE, this.actions.doNothing())
			.and()
			.withExternal()
			.source(WRITING_SURVEY_COMMENT)
			.target(IDLE)
			.event(TEXT)
			.action(this.actions.saveComment())
			.and()
			.withExternal()
			.source(WRITING_SURVEY_COMMENT)
			.target(IDLE)
			.event(SKIP)
			.action(this.actions.skipComment());
	}

	private void configureEverywhere(StateMachineTransitionConfigurer<ConversationState, ConversationEvent> t,
			ConversationState state) throws Exception {
		t.withExternal()
			.source(state)
			.target(IDLE)
			.event(MENU)
			.action(this.actions.showMenu())
			.and()
			.withExternal()
			.source(state)
			.target(IDLE)
			.event(CANCEL)
			.action(this.actions.cancel())
			.and()
			.withExternal()
			.source(state)
			.target(CHOOSING_DEPARTMENT)
			.event(NEW_TICKET)
			.action(this.actions.startTicket())
			.and()
			.withExternal()
			.source(state)
			.target(IDLE)
			.event(MY_TICKETS)
			.action(this.actions.listTickets())
			.and()
			.withExternal()
			.source(state)
			.target(WRITING_REPLY)
			.event(REPLY_TO)
			.guard(this.actions.ownsTicket())
			.action(this.actions.askReply())
			.and()
			.withExternal()
			.source(state)
			.target(IDLE)
			.event(ConversationEvent.UNLINK_CONFIRMED)
			.action(this.actions.unlink())
			.and()
			.withExternal()
			.source(state)
			.target(SEARCHING)
			.event(SEARCH)
			.guard(this.actions.lacksSearchWords())
			.action(this.actions.askSearch())
			.and()
			.withInternal()
			.source(state)
			.event(SEARCH)
			.guard(this.actions.hasSearchWords())
			.action(this.actions.lookUp());
		if (KEEPING_FILES.contains(state)) {
			t.withInternal().source(state).event(FILES).action(this.actions.keepFiles());
		}
		for (ConversationEvent lookUp : LOOK_UPS) {
			t.withInternal().source(state).event(lookUp).action(this.actions.lookUp());
		}
		if (DRAFTING.contains(state) || state == WRITING_SURVEY_COMMENT) {
			t.withInternal().source(state).event(RATE).action(this.actions.rateKeepingDraft());
		}
		else {
			t.withExternal().source(state).target(AFTER_RATING).event(RATE).action(this.actions.recordRating());
		}
	}

}
