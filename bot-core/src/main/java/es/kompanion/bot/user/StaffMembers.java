package es.kompanion.bot.user;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

import es.kompanion.bot.user.StaffChangeRefusedException.Reason;

/**
 * Registers staff and changes them, keeping at least one active admin and never letting
 * an admin lock themselves out.
 */
@Service
public class StaffMembers {

	private static final Logger log = LoggerFactory.getLogger(StaffMembers.class);

	/** What a Slack user id looks like, such as {@code U0123ABC}. */
	public static final Pattern SLACK_USER_ID = Pattern.compile("U[A-Z0-9]{2,31}");

	private final StaffRepository staff;

	StaffMembers(StaffRepository staff) {
		this.staff = staff;
	}

	/**
	 * Everyone, by name.
	 */
	@Transactional(readOnly = true)
	public List<Staff> all() {
		return this.staff.findAllByOrderByFullNameAsc();
	}

	@Transactional(readOnly = true)
	public Optional<Staff> find(Long staffId) {
		return this.staff.findById(staffId);
	}

	/**
	 * Registers a staff member, without a password: they sign in once an admin sets a
	 * temporary one.
	 * @throws EmailInUseException if another staff member has the email
	 * @throws SlackUserInUseException if another staff member has the Slack user id
	 */
	@Transactional
	public Staff add(StaffDetails details) {
		StaffDetails clean = checked(details);
		requireUnique(clean, null);
		Staff member = new Staff(clean.fullName(), clean.email(), clean.role(), clean.departments());
		describe(member, clean);
		this.staff.saveAndFlush(member);
		log.info("Staff {} added as {}", member.getId(), member.getRole());
		return member;
	}

	/**
	 * Replaces what is recorded about a staff member.
	 * @param actorEmail the email of the admin making the change
	 * @throws StaffChangeRefusedException if the admin would deactivate or demote
	 * themselves, or the change would leave no active admin
	 */
	@Transactional
	public Staff change(Long staffId, StaffDetails details, String actorEmail) {
		StaffDetails clean = checked(details);
		Staff member = load(staffId);
		requireUnique(clean, staffId);
		requireAnAdminLeft(member, clean, actorEmail);
		describe(member, clean);
		this.staff.saveAndFlush(member);
		log.info("Staff {} changed: {}, {}", staffId, member.getRole(), member.isActive() ? "active" : "inactive");
		return member;
	}

	/**
	 * Sets a one-time password that the staff member must replace at their next sign-in.
	 * @param passwordHash the password's hash, as the admin web checks it
	 */
	@Transactional
	public Staff useTemporaryPassword(Long staffId, String passwordHash) {
		Assert.hasText(passwordHash, "passwordHash must not be empty");
		Staff member = load(staffId);
		member.usePassword(passwordHash, true);
		log.info("Staff {} got a temporary password", staffId);
		return member;
	}

	private void requireUnique(StaffDetails details, @Nullable Long staffId) {
		if (this.staff.findByEmail(details.email()).filter((other) -> !other.getId().equals(staffId)).isPresent()) {
			throw new EmailInUseException("staff member");
		}
		String slackUserId = details.slackUserId();
		if (slackUserId != null && this.staff.findBySlackUserId(slackUserId)
			.filter((other) -> !other.getId().equals(staffId))
			.isPresent()) {
			throw new SlackUserInUseException();
		}
	}

	private void requireAnAdminLeft(Staff member, StaffDetails details, String actorEmail) {
		boolean losesAdmin = member.getRole() == StaffRole.ADMIN && details.role() != StaffRole.ADMIN;
		boolean self = member.getEmail().equals(actorEmail.strip().toLowerCase(Locale.ROOT));
		if (self && (losesAdmin || (member.isActive() && !details.active()))) {
			throw new StaffChangeRefusedException(Reason.SELF, member.getId());
		}
		boolean activeAdmin = member.isActive() && member.getRole() == StaffRole.ADMIN;
		if (activeAdmin && (losesAdmin || !details.active())) {
			boolean othersLeft = this.staff.lockActiveByRole(StaffRole.ADMIN)
				.stream()
				.anyMatch((admin) -> !admin.getId().equals(member.getId()));
			if (!othersLeft) {
				throw new StaffChangeRefusedException(Reason.LAST_ADMIN, member.getId());
			}
		}
	}

	private static void describe(Staff member, StaffDetails details) {
		member.describe(details.fullName(), details.email(), details.slackUserId(), details.role(),
				details.departments());
		if (details.active()) {
			member.reactivate();
		}
		else {
			member.deactivate();
		}
	}

	private Staff load(Long staffId) {
		return this.staff.findById(staffId).orElseThrow(() -> new StaffNotFoundException(staffId));
	}

	private static StaffDetails checked(StaffDetails details) {
		String email = details.email().strip().toLowerCase(Locale.ROOT);
		String name = details.fullName().strip();
		String slackUserId = StringUtils.hasText(details.slackUserId()) ? details.slackUserId().strip() : null;
		Assert.isTrue(ClientDetails.isEmail(email), "Staff email is not valid");
		Assert.isTrue(!name.isEmpty() && name.length() <= ClientDetails.NAME_MAX, "Staff name is not valid");
		Assert.isTrue(slackUserId == null || SLACK_USER_ID.matcher(slackUserId).matches(),
				"Slack user id is not valid");
		return new StaffDetails(name, email, slackUserId, details.role(), details.departments(), details.active());
	}

}
