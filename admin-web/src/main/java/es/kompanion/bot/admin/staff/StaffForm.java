package es.kompanion.bot.admin.staff;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

import es.kompanion.bot.user.ClientDetails;
import es.kompanion.bot.user.Department;
import es.kompanion.bot.user.Staff;
import es.kompanion.bot.user.StaffDetails;
import es.kompanion.bot.user.StaffMembers;
import es.kompanion.bot.user.StaffRole;

/**
 * A staff member as the form carries them: raw text, checked by {@link #problems()}
 * before anything is saved.
 *
 * @param departments the names of the ticked departments
 * @param active {@code true} when the box is ticked; absent otherwise
 */
record StaffForm(@Nullable String fullName, @Nullable String email, @Nullable String slackUserId, @Nullable String role,
		@Nullable List<String> departments, @Nullable Boolean active) {

	static StaffForm empty() {
		return new StaffForm("", "", "", StaffRole.STAFF.name(), List.of(), true);
	}

	static StaffForm of(Staff staff) {
		return new StaffForm(staff.getFullName(), staff.getEmail(), staff.getSlackUserId(), staff.getRole().name(),
				staff.getDepartments().stream().map(Department::name).toList(), staff.isActive());
	}

	/**
	 * What keeps the form from being saved: field name to message code, in the form's
	 * order; empty when it can be saved.
	 */
	Map<String, String> problems() {
		Map<String, String> problems = new LinkedHashMap<>();
		if (!StringUtils.hasText(this.fullName)) {
			problems.put("fullName", "staff.error.name.required");
		}
		else if (this.fullName.strip().length() > ClientDetails.NAME_MAX) {
			problems.put("fullName", "staff.error.name.long");
		}
		if (!ClientDetails.isEmail(this.email)) {
			problems.put("email", "staff.error.email.invalid");
		}
		if (StringUtils.hasText(this.slackUserId)
				&& !StaffMembers.SLACK_USER_ID.matcher(normalizedSlackUserId()).matches()) {
			problems.put("slackUserId", "staff.error.slack.invalid");
		}
		if (Arrays.stream(StaffRole.values()).noneMatch((r) -> r.name().equals(this.role))) {
			problems.put("role", "staff.error.role");
		}
		if (selected().size() != selectedNames().size()) {
			problems.put("departments", "staff.error.departments");
		}
		return problems;
	}

	public boolean isActive() {
		return Boolean.TRUE.equals(this.active);
	}

	public boolean hasDepartment(Department department) {
		return selectedNames().contains(department.name());
	}

	/**
	 * The details to save; call only when {@link #problems()} is empty.
	 */
	StaffDetails toDetails() {
		return new StaffDetails(text(this.fullName), text(this.email),
				StringUtils.hasText(this.slackUserId) ? normalizedSlackUserId() : null,
				StaffRole.valueOf(text(this.role)), selected(), isActive());
	}

	private String normalizedSlackUserId() {
		return text(this.slackUserId).strip().toUpperCase(Locale.ROOT);
	}

	private List<String> selectedNames() {
		return (this.departments != null) ? this.departments.stream().distinct().toList() : List.of();
	}

	private Set<Department> selected() {
		Set<Department> selected = EnumSet.noneOf(Department.class);
		for (Department department : Department.values()) {
			if (selectedNames().contains(department.name())) {
				selected.add(department);
			}
		}
		return selected;
	}

	private static String text(@Nullable String value) {
		return (value != null) ? value : "";
	}

}
