package es.kompanion.bot.ticket;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TicketFilterTests {

	@Test
	void readsATicketNumberFromTheText() {
		TicketFilter label = new TicketFilter(null, null, null, " #1042 ");
		TicketFilter bare = new TicketFilter(null, null, null, "1042");
		TicketFilter words = new TicketFilter(null, null, null, "modelo 303");

		assertThat(label.number()).isEqualTo(1042L);
		assertThat(label.numberOnly()).isTrue();
		assertThat(bare.number()).isEqualTo(1042L);
		assertThat(bare.numberOnly()).isFalse();
		assertThat(words.number()).isNull();
	}

	@Test
	void treatsBlankTextAsNoFilter() {
		TicketFilter filter = new TicketFilter(null, null, "  ", "");

		assertThat(filter).isEqualTo(TicketFilter.all());
	}

	@Test
	void escapesLikeWildcards() {
		assertThat(TicketSearch.contains("50%_A!")).isEqualTo("%50!%!_a!!%");
	}

}
