package es.kompanion.bot.admin.client;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * Admins upload the firm's client list as CSV and get a report row by row.
 *
 * <p>
 * Method security is not enabled in the admin web and the security configuration's
 * admin-only paths do not cover this page, so the role is checked here.
 */
@Controller
@RequestMapping("/clients/import")
class ClientImportController {

	private final ClientImport importer;

	ClientImportController(ClientImport importer) {
		this.importer = importer;
	}

	@GetMapping
	String form(HttpServletRequest request, Model model) {
		requireAdmin(request);
		addLimits(model);
		return "clients/import";
	}

	@PostMapping
	String upload(@RequestParam("file") MultipartFile file, HttpServletRequest request, Model model)
			throws IOException {
		requireAdmin(request);
		ImportReport report = (file.getSize() > ClientImport.MAX_BYTES)
				? ImportReport.refused("clients.import.error.size", ClientImport.MAX_BYTES / (1024 * 1024))
				: this.importer.run(file.getBytes());
		model.addAttribute("report", report);
		addLimits(model);
		return "clients/import";
	}

	private static void addLimits(Model model) {
		model.addAttribute("maxRows", ClientImport.MAX_ROWS);
		model.addAttribute("maxMegabytes", ClientImport.MAX_BYTES / (1024 * 1024));
	}

	private static void requireAdmin(HttpServletRequest request) {
		if (!request.isUserInRole("ADMIN")) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
	}

}
