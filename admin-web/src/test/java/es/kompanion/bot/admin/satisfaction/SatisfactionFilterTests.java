package es.kompanion.bot.admin.satisfaction;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import es.kompanion.bot.user.Department;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The satisfaction filters as the browser sends them: the last twelve months unless a
 * sensible period is given.
 */
class SatisfactionFilterTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

	@Test
	void coversTheLastTwelveMonthsByDefault() {
		SatisfactionFilter filter = SatisfactionFilter.parse(null, "", null, TODAY);

		assertThat(filter.from()).isEqualTo(LocalDate.of(2026, 1, 1));
		assertThat(filter.to()).isEqualTo(TODAY);
		assertThat(filter.department()).isNull();
		assertThat(filter.problem()).isNull();
		assertThat(filter.query().months()).hasSize(12);
	}

	@Test
	void takesAPeriodAndADepartment() {
		SatisfactionFilter filter = SatisfactionFilter.parse("2025-03-01", "2025-05-31", "labour", TODAY);

		assertThat(filter.from()).isEqualTo(LocalDate.of(2025, 3, 1));
		assertThat(filter.to()).isEqualTo(LocalDate.of(2025, 5, 31));
		assertThat(filter.department()).isEqualTo(Department.LABOUR);
		assertThat(filter.problem()).isNull();
	}

	@Test
	void fallsBackWhenThePeriodMakesNoSense() {
		assertThat(SatisfactionFilter.parse("2025-05-31", "2025-03-01", null, TODAY).problem()).isNotNull();
		assertThat(SatisfactionFilter.parse("ayer", null, null, TODAY).problem()).isNotNull();
		assertThat(SatisfactionFilter.parse("2015-01-01", "2025-01-01", null, TODAY).problem()).isNotNull();
		assertThat(SatisfactionFilter.parse("2015-01-01", "2025-01-01", null, TODAY).from())
			.isEqualTo(LocalDate.of(2026, 1, 1));
	}

	@Test
	void ignoresAnUnknownDepartment() {
		assertThat(SatisfactionFilter.parse(null, null, "SALES", TODAY).department()).isNull();
	}

}
