package es.kompanion.bot.admin.security;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import es.kompanion.bot.user.Staff;
import es.kompanion.bot.user.StaffRepository;

/**
 * The staff member behind the current request, for pages and the audit log.
 */
@Component
public class CurrentStaff {

	private final StaffRepository staff;

	CurrentStaff(StaffRepository staff) {
		this.staff = staff;
	}

	/**
	 * The signed-in staff member's email, as the audit log records them.
	 */
	public String email() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null) ? authentication.getName() : "anonymous";
	}

	@Transactional(readOnly = true)
	public Optional<Staff> find() {
		return this.staff.findByEmail(email());
	}

	public Staff get() {
		return find().orElseThrow(() -> new IllegalStateException("No signed-in staff"));
	}

}
