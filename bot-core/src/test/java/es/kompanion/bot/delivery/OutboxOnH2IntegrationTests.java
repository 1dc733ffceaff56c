package es.kompanion.bot.delivery;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The same outbox behaviour on the embedded H2 default, whose MySQL mode must take the
 * same SQL.
 */
@SpringBootTest(
		properties = { "spring.datasource.url=jdbc:h2:mem:outbox;MODE=MySQL;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=VALUE",
				"spring.datasource.username=sa", "spring.jpa.database-platform=org.hibernate.dialect.H2Dialect",
				"kompanion.core.outbox.poll-interval=100ms", "kompanion.core.outbox.max-backoff=200ms",
				"kompanion.core.outbox.max-attempts=3" })
class OutboxOnH2IntegrationTests extends OutboxIntegrationTests {

}
