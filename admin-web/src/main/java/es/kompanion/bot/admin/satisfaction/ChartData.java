package es.kompanion.bot.admin.satisfaction;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;

import es.kompanion.bot.survey.DepartmentSatisfaction;
import es.kompanion.bot.survey.MonthlySatisfaction;
import es.kompanion.bot.survey.RatingCount;
import es.kompanion.bot.survey.SatisfactionReport;

/**
 * The numbers of a satisfaction report as {@code satisfaction.js} draws them, with every
 * label already in the reader's language. Averages are rounded as the tables show them.
 */
record ChartData(Series ratings, Series months, Series departments, Map<String, String> texts) {

	static ChartData of(SatisfactionReport report, MessageSource messages, Locale locale) {
		DateTimeFormatter month = DateTimeFormatter.ofPattern("MMM yyyy", locale);
		List<DepartmentSatisfaction> departments = report.byDepartment();
		List<MonthlySatisfaction> months = report.byMonth();

		Series ratings = new Series(report.distribution().stream().map((r) -> r.rating() + " ★").toList(),
				report.distribution().stream().map(RatingCount::surveys).toList(), List.of(), List.of(), List.of());
		Series monthly = new Series(months.stream().map((m) -> month.format(m.month())).toList(),
				months.stream().map(MonthlySatisfaction::surveys).toList(),
				months.stream().map((m) -> round(m.averageRating(), 2)).toList(), List.of(), List.of());
		Series byDepartment = new Series(
				departments.stream()
					.map((d) -> messages.getMessage("resources.department." + d.department(), null, locale))
					.toList(),
				departments.stream().map(DepartmentSatisfaction::surveys).toList(),
				departments.stream().map((d) -> round(d.averageRating(), 2)).toList(),
				departments.stream().map((d) -> round(d.times().averageFirstResponseMinutes(), 0)).toList(),
				departments.stream().map((d) -> round(d.times().averageResolutionHours(), 1)).toList());
		Map<String, String> texts = Map.of("surveys", messages.getMessage("satisfaction.surveys", null, locale),
				"average", messages.getMessage("satisfaction.average", null, locale), "firstResponse",
				messages.getMessage("satisfaction.first-response.minutes", null, locale), "resolution",
				messages.getMessage("satisfaction.resolution.hours", null, locale));
		return new ChartData(ratings, monthly, byDepartment, texts);
	}

	static @Nullable Double round(@Nullable Double value, int decimals) {
		return (value != null) ? BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue()
				: null;
	}

	/**
	 * One chart's labels and the values for each label; series a chart does not use are
	 * empty.
	 */
	record Series(List<String> labels, List<Long> surveys, List<@Nullable Double> averages,
			List<@Nullable Double> firstResponseMinutes, List<@Nullable Double> resolutionHours) {

	}

}
