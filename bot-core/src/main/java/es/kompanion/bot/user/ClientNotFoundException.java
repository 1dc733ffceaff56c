package es.kompanion.bot.user;

/**
 * No client with that id.
 */
public class ClientNotFoundException extends IllegalArgumentException {

	public ClientNotFoundException(Long clientId) {
		super("No client " + clientId);
	}

}
