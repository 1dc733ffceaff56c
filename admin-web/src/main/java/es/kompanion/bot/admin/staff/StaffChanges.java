package es.kompanion.bot.admin.staff;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import es.kompanion.bot.admin.security.CurrentStaff;
import es.kompanion.bot.audit.AuditLog;
import es.kompanion.bot.user.Staff;
import es.kompanion.bot.user.StaffDetails;
import es.kompanion.bot.user.StaffMembers;

/**
 * Every change admins make to staff, each stored together with its audit entry or not at
 * all. Audit details name what changed, never passwords.
 */
@Service
class StaffChanges {

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

	static final int TEMPORARY_PASSWORD_LENGTH = 16;

	private final StaffMembers staff;

	private final PasswordEncoder passwords;

	private final AuditLog audit;

	private final CurrentStaff current;

	private final SecureRandom random = new SecureRandom();

	StaffChanges(StaffMembers staff, PasswordEncoder passwords, AuditLog audit, CurrentStaff current) {
		this.staff = staff;
		this.passwords = passwords;
		this.audit = audit;
		this.current = current;
	}

	@Transactional
	Staff add(StaffDetails details) {
		Staff member = this.staff.add(details);
		record("staff.created", member, member.getRole() + (member.isActive() ? "" : ", inactivo"));
		return member;
	}

	@Transactional
	Staff change(Long staffId, StaffDetails details) {
		StaffForm before = this.staff.find(staffId).map(StaffForm::of).orElse(StaffForm.empty());
		Staff member = this.staff.change(staffId, details, this.current.email());
		record("staff.updated", member, "cambia: " + changedFields(before, StaffForm.of(member)));
		return member;
	}

	/**
	 * Sets a random one-time password that must be replaced at the next sign-in.
	 * @return the password, to be shown once; only its hash is stored
	 */
	@Transactional
	String issueTemporaryPassword(Long staffId) {
		String password = randomPassword();
		Staff member = this.staff.useTemporaryPassword(staffId, this.passwords.encode(password));
		record("staff.temporary-password", member, null);
		return password;
	}

	private void record(String action, Staff member, @Nullable String details) {
		this.audit.record(this.current.email(), action, "staff:" + member.getId(), details);
	}

	private String randomPassword() {
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < TEMPORARY_PASSWORD_LENGTH; i++) {
			password.append(ALPHABET.charAt(this.random.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}

	private static String changedFields(StaffForm before, StaffForm after) {
		List<String> fields = new ArrayList<>();
		addIfChanged(fields, "nombre", before.fullName(), after.fullName());
		addIfChanged(fields, "email", before.email(), after.email());
		addIfChanged(fields, "slack", before.slackUserId(), after.slackUserId());
		if (!Objects.equals(before.role(), after.role())) {
			fields.add("rol " + after.role());
		}
		addIfChanged(fields, "departamentos", before.departments(), after.departments());
		if (before.isActive() != after.isActive()) {
			fields.add(after.isActive() ? "reactivado" : "desactivado");
		}
		return fields.isEmpty() ? "nada" : String.join(", ", fields);
	}

	private static void addIfChanged(List<String> fields, String name, @Nullable Object before,
			@Nullable Object after) {
		if (!Objects.equals(before, after)) {
			fields.add(name);
		}
	}

}
