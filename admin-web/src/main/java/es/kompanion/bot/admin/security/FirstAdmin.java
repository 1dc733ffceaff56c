package es.kompanion.bot.admin.security;

import java.security.SecureRandom;
import java.util.EnumSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import es.kompanion.bot.admin.AdminProperties;
import es.kompanion.bot.audit.AuditLog;
import es.kompanion.bot.user.Department;
import es.kompanion.bot.user.Staff;
import es.kompanion.bot.user.StaffRepository;
import es.kompanion.bot.user.StaffRole;

/**
 * Makes sure somebody can sign in on a fresh install, without default credentials: the
 * first admin gets the configured password, or a random one-time password written once to
 * the log that must be changed at the first sign-in.
 */
@Component
class FirstAdmin implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

	private final StaffRepository staff;

	private final PasswordEncoder passwords;

	private final AuditLog audit;

	private final AdminProperties properties;

	private final SecureRandom random = new SecureRandom();

	FirstAdmin(StaffRepository staff, PasswordEncoder passwords, AuditLog audit, AdminProperties properties) {
		this.staff = staff;
		this.passwords = passwords;
		this.audit = audit;
		this.properties = properties;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (this.staff.existsByRoleAndActiveTrue(StaffRole.ADMIN)) {
			return;
		}
		String email = this.properties.email();
		Staff admin = this.staff.findByEmail(email)
			.orElseGet(() -> new Staff("Administrador", email, StaffRole.ADMIN, EnumSet.allOf(Department.class)));
		admin.reactivate();
		if (StringUtils.hasText(this.properties.password())) {
			admin.usePassword(this.passwords.encode(this.properties.password()), false);
			this.staff.save(admin);
			log.info("First admin {} created with the configured password", email);
		}
		else {
			String oneTime = oneTimePassword();
			admin.usePassword(this.passwords.encode(oneTime), true);
			this.staff.save(admin);
			log.warn("First admin {} created. One-time password (shown only now, to be changed at first sign-in): {}",
					email, oneTime);
		}
		this.audit.record("system", "staff.first-admin", "staff:" + admin.getId(), email);
	}

	private String oneTimePassword() {
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 20; i++) {
			password.append(ALPHABET.charAt(this.random.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}

}
