package es.kompanion.bot.resource;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The same resources on the embedded H2 default, whose MySQL mode must take the same
 * migration and queries.
 */
@SpringBootTest(properties = {
		"spring.datasource.url=jdbc:h2:mem:resources;MODE=MySQL;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=VALUE",
		"spring.datasource.username=sa", "spring.jpa.database-platform=org.hibernate.dialect.H2Dialect" })
class ResourcesOnH2IntegrationTests extends ResourcesIntegrationTests {

}
