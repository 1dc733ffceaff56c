package es.kompanion.bot.user;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

import es.kompanion.bot.user.Department;

/**
 * A firm employee who handles tickets: answers in the Slack staff channel as their Slack
 * user and signs in to the admin web with their email.
 */
@Entity
@Table(name = "staff")
public class Staff {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(name = "full_name")
	private String fullName;

	private String email;

	@Column(name = "slack_user_id")
	private @Nullable String slackUserId;

	@Enumerated(EnumType.STRING)
	private StaffRole role;

	private String departments;

	@Column(name = "password_hash")
	private @Nullable String passwordHash;

	@Column(name = "password_change_required")
	private boolean passwordChangeRequired;

	private boolean active;

	@Column(name = "created_at")
	private Instant createdAt;

	protected Staff() {
		this.fullName = "";
		this.email = "";
		this.role = StaffRole.STAFF;
		this.departments = "";
		this.createdAt = Instant.EPOCH;
	}

	public Staff(String fullName, String email, StaffRole role, Set<Department> departments) {
		Assert.hasText(fullName, "name must not be empty");
		Assert.hasText(email, "email must not be empty");
		this.fullName = fullName.strip();
		this.email = email.strip().toLowerCase(Locale.ROOT);
		this.role = role;
		this.departments = join(departments);
		this.active = true;
		this.createdAt = Instant.now();
	}

	public Long getId() {
		Assert.state(this.id != null, "Staff is not saved yet");
		return this.id;
	}

	public String getFullName() {
		return this.fullName;
	}

	public String getEmail() {
		return this.email;
	}

	public @Nullable String getSlackUserId() {
		return this.slackUserId;
	}

	public StaffRole getRole() {
		return this.role;
	}

	public Set<Department> getDepartments() {
		if (!StringUtils.hasText(this.departments)) {
			return EnumSet.noneOf(Department.class);
		}
		return Arrays.stream(this.departments.split(","))
			.map(Department::valueOf)
			.collect(Collectors.toCollection(() -> EnumSet.noneOf(Department.class)));
	}

	public @Nullable String getPasswordHash() {
		return this.passwordHash;
	}

	public boolean isPasswordChangeRequired() {
		return this.passwordChangeRequired;
	}

	public boolean isActive() {
		return this.active;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	/**
	 * Changes what the admin web shows about this person.
	 */
	public void describe(String fullName, String email, @Nullable String slackUserId, StaffRole role,
			Set<Department> departments) {
		Assert.hasText(fullName, "name must not be empty");
		Assert.hasText(email, "email must not be empty");
		this.fullName = fullName.strip();
		this.email = email.strip().toLowerCase(Locale.ROOT);
		this.slackUserId = StringUtils.hasText(slackUserId) ? slackUserId.strip() : null;
		this.role = role;
		this.departments = join(departments);
	}

	/**
	 * Sets a new password hash.
	 * @param temporary whether the person must choose their own at next sign-in
	 */
	public void usePassword(String passwordHash, boolean temporary) {
		this.passwordHash = passwordHash;
		this.passwordChangeRequired = temporary;
	}

	public void deactivate() {
		this.active = false;
	}

	public void reactivate() {
		this.active = true;
	}

	private static String join(Set<Department> departments) {
		return departments.stream().map(Department::name).sorted().collect(Collectors.joining(","));
	}

}
