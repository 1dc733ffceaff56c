package es.kompanion.bot.resource;

/**
 * No link, FAQ entry or fiscal deadline with that id.
 */
public class ResourceNotFoundException extends RuntimeException {

	public ResourceNotFoundException(String what, Long id) {
		super("No " + what + " " + id);
	}

}
