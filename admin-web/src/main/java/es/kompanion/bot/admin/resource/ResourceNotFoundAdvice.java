package es.kompanion.bot.admin.resource;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

import es.kompanion.bot.resource.ResourceNotFoundException;

/**
 * A link, FAQ entry or deadline that does not exist, perhaps deleted in another tab, gets
 * the plain "not found" page.
 */
@ControllerAdvice(basePackageClasses = ResourceNotFoundAdvice.class)
class ResourceNotFoundAdvice {

	@ExceptionHandler(ResourceNotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound(Model model) {
		model.addAttribute("status", HttpStatus.NOT_FOUND.value());
		return "error";
	}

}
