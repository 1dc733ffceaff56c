package es.kompanion.bot.admin.resource;

import java.io.IOException;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Admins upload a year's fiscal calendar as CSV and get a report row by row. Admin-only
 * through the security configuration.
 */
@Controller
@RequestMapping("/calendar/import")
class CalendarImportController {

	private final CalendarImport importer;

	CalendarImportController(CalendarImport importer) {
		this.importer = importer;
	}

	@GetMapping
	String form(Model model) {
		addLimits(model);
		return "calendar/import";
	}

	@PostMapping
	String upload(@RequestParam(name = "file", required = false) @Nullable MultipartFile file, Model model)
			throws IOException {
		CalendarImportReport report;
		if (file == null || file.isEmpty()) {
			report = CalendarImportReport.refused("calendar.import.error.empty", null);
		}
		else if (file.getSize() > CalendarImport.MAX_BYTES) {
			report = CalendarImportReport.refused("calendar.import.error.size",
					CalendarImport.MAX_BYTES / (1024 * 1024));
		}
		else {
			report = this.importer.run(file.getBytes());
		}
		model.addAttribute("report", report);
		addLimits(model);
		return "calendar/import";
	}

	private static void addLimits(Model model) {
		model.addAttribute("header", String.join(",", CalendarImport.HEADER));
		model.addAttribute("maxRows", CalendarImport.MAX_ROWS);
		model.addAttribute("maxMegabytes", CalendarImport.MAX_BYTES / (1024 * 1024));
	}

}
