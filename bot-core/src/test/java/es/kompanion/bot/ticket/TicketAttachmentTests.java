package es.kompanion.bot.ticket;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Long file names are shortened without losing what kind of file they are.
 */
class TicketAttachmentTests {

	@Test
	void aLongNameKeepsItsExtension() {
		String name = "a".repeat(300) + ".pdf";

		String shortened = TicketAttachment.shortName(name);

		assertThat(shortened).endsWith("….pdf").startsWith("aaaa");
		assertThat(shortened.length()).isLessThanOrEqualTo(127);
		assertThat(TicketAttachment.shortName("nómina marzo.pdf")).isEqualTo("nómina marzo.pdf");
	}

}
