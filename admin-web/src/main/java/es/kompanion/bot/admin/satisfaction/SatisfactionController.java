package es.kompanion.bot.admin.satisfaction;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import es.kompanion.bot.survey.Satisfaction;
import es.kompanion.bot.survey.SatisfactionReport;
import es.kompanion.bot.survey.SurveyLine;
import es.kompanion.bot.user.Department;

/**
 * How satisfied clients are, for staff and admins: the page with its tables, the numbers
 * its charts draw, and every survey of the period as CSV. All three take the same
 * filters: {@code from} and {@code to} as {@code yyyy-MM-dd}, and {@code department}.
 */
@Controller
@RequestMapping("/satisfaction")
class SatisfactionController {

	private static final Logger log = LoggerFactory.getLogger(SatisfactionController.class);

	private static final List<String> EXPORT_COLUMNS = List.of("ticket", "department", "company", "rating", "comment",
			"answered-at", "first-response", "resolution");

	private final Satisfaction satisfaction;

	private final MessageSource messages;

	private final Clock clock;

	SatisfactionController(Satisfaction satisfaction, MessageSource messages, Clock clock) {
		this.satisfaction = satisfaction;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping
	String page(@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable String department, Model model) {
		SatisfactionFilter filter = filter(from, to, department);
		SatisfactionReport report = this.satisfaction.report(filter.query());
		model.addAttribute("filter", filter);
		model.addAttribute("report", report);
		model.addAttribute("departments", Department.values());
		if (filter.problem() != null) {
			model.addAttribute("problem", filter.problem());
		}
		return "satisfaction/index";
	}

	@GetMapping(path = "/data", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ChartData data(@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable String department, Locale locale) {
		SatisfactionReport report = this.satisfaction.report(filter(from, to, department).query());
		return ChartData.of(report, this.messages, locale);
	}

	@GetMapping("/export.csv")
	void export(@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable String department, Locale locale, HttpServletResponse response)
			throws IOException {
		SatisfactionFilter filter = filter(from, to, department);
		List<SurveyLine> lines = this.satisfaction.surveys(filter.query());
		List<String> header = EXPORT_COLUMNS.stream()
			.map((column) -> this.messages.getMessage("satisfaction.export." + column, null, locale))
			.toList();

		response.setContentType("text/csv");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment()
					.filename("satisfaccion-" + filter.from() + "-" + filter.to() + ".csv")
					.build()
					.toString());
		SurveyCsv.write(lines, header, (d) -> this.messages.getMessage("resources.department." + d, null, locale),
				response.getWriter());
		log.info("Satisfaction export of {} surveys from {} to {}", lines.size(), filter.from(), filter.to());
	}

	private SatisfactionFilter filter(@Nullable String from, @Nullable String to, @Nullable String department) {
		return SatisfactionFilter.parse(from, to, department,
				LocalDate.ofInstant(this.clock.instant(), SatisfactionFilter.MADRID));
	}

}
