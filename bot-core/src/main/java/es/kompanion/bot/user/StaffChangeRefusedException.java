package es.kompanion.bot.user;

/**
 * A change to a staff member that would lock admins out of the admin web.
 */
public class StaffChangeRefusedException extends RuntimeException {

	private final Reason reason;

	public StaffChangeRefusedException(Reason reason, Long staffId) {
		super("Change of staff " + staffId + " refused: " + reason);
		this.reason = reason;
	}

	public Reason getReason() {
		return this.reason;
	}

	public enum Reason {

		/** An admin tried to deactivate themselves or take away their own admin role. */
		SELF,
		/** The change would leave no active admin. */
		LAST_ADMIN

	}

}
