package es.kompanion.bot.user;

/**
 * No staff member with that id.
 */
public class StaffNotFoundException extends IllegalArgumentException {

	public StaffNotFoundException(Long staffId) {
		super("No staff " + staffId);
	}

}
