package es.kompanion.bot;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

/**
 * Keeps the module boundaries honest: adapters use only the core's public API, the core
 * never reaches into an adapter, and no module depends on another in a cycle.
 */
class ModularityTests {

	@Test
	void modulesRespectTheirBoundaries() {
		ApplicationModules.of(KompanionBotApplication.class).verify();
	}

}
