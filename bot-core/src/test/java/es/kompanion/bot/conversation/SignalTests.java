package es.kompanion.bot.conversation;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import es.kompanion.bot.user.Department;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Button codes fit Telegram's 64-byte callback data whatever the ids, and decode back to
 * what they were made for; anything else decodes to nothing.
 */
class SignalTests {

	@Test
	void everyButtonFitsTelegramsCallbackDataWithTheLargestIds() {
		long id = Long.MAX_VALUE;
		List<String> codes = List.of(Signal.MENU, Signal.CANCEL, Signal.NEW_TICKET, Signal.MY_TICKETS, Signal.CONFIRM,
				Signal.CHANGE_DEPARTMENT, Signal.CHANGE_TEXT, Signal.NEW_TICKET_FROM_TEXT, Signal.SKIP,
				Signal.RESOURCES, Signal.FAQ, Signal.CALENDAR, Signal.HELP, Signal.SEARCH, Signal.NEW_TICKET_ANYWAY,
				Signal.searchPage(Integer.MAX_VALUE), Signal.language("en"), Signal.faqDepartment(Department.OTHER),
				Signal.ticketPage('C', Integer.MAX_VALUE), Signal.ticket(id), Signal.closeTicket(id),
				Signal.askRating(id), Signal.faqEntry(id), Signal.department(Department.INTEGRATIONS),
				Signal.replyTo(id), Signal.addTo(id), Signal.rate(id, 5));

		assertThat(codes).allSatisfy((code) -> {
			assertThat(code.getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(64);
			assertThat(decode(code).event()).isNotEqualTo(ConversationEvent.UNKNOWN);
		});
	}

	@Test
	void decodesArgumentsBackAndRefusesGarbage() {
		assertThat(decode(Signal.rate(42L, 4)).argument()).isEqualTo("42:4");
		assertThat(decode(Signal.searchPage(3)).argument()).isEqualTo("3");
		assertThat(decode("lg:en").argument()).isEqualTo("en");
		assertThat(decode("lg:fr").event()).isEqualTo(ConversationEvent.UNKNOWN);
		assertThat(List.of("", "t:", "t:abc", "s:1", "d:99", "qp:x", "zz", "r:1e9", "lf:Z:0"))
			.allSatisfy((garbage) -> assertThat(decode(garbage).event()).isIn(ConversationEvent.UNKNOWN,
					ConversationEvent.MY_TICKETS));
	}

	private static Signal decode(String code) {
		return Signal.decode(Inbound.choice(
				new es.kompanion.bot.user.ChatAccount(es.kompanion.bot.user.Channel.TELEGRAM, "1", "1", null), "d",
				"es", code));
	}

}
