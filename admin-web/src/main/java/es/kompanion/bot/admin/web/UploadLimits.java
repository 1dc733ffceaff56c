package es.kompanion.bot.admin.web;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A file over the container's upload limit goes back to the form it came from with a
 * clear message, instead of the container's bare error page.
 */
@ControllerAdvice
class UploadLimits {

	private static final Logger log = LoggerFactory.getLogger(UploadLimits.class);

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	String tooLarge(HttpServletRequest request, RedirectAttributes redirect) {
		log.warn("Upload refused: over the size limit");
		redirect.addFlashAttribute("problem", "upload.too-large");
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return "redirect:" + (path.startsWith("/") ? path : "/");
	}

}
