package es.kompanion.bot.ticket;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The same searches on the embedded H2 default, whose MySQL mode must take the same
 * queries.
 */
@SpringBootTest(properties = {
		"spring.datasource.url=jdbc:h2:mem:ticketsearch;MODE=MySQL;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=VALUE",
		"spring.datasource.username=sa", "spring.jpa.database-platform=org.hibernate.dialect.H2Dialect" })
class TicketSearchOnH2IntegrationTests extends TicketSearchIntegrationTests {

}
