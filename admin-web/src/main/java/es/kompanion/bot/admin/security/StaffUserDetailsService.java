package es.kompanion.bot.admin.security;

import java.util.List;
import java.util.Locale;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import es.kompanion.bot.user.Staff;
import es.kompanion.bot.user.StaffRepository;

/**
 * Staff sign in with their email; deactivated staff and staff without a password cannot.
 */
@Service
class StaffUserDetailsService implements UserDetailsService {

	private final StaffRepository staff;

	StaffUserDetailsService(StaffRepository staff) {
		this.staff = staff;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String email) {
		Staff member = this.staff.findByEmail(email.strip().toLowerCase(Locale.ROOT))
			.filter((s) -> s.getPasswordHash() != null)
			.orElseThrow(() -> new UsernameNotFoundException("No such staff"));
		return User.withUsername(member.getEmail())
			.password(member.getPasswordHash())
			.disabled(!member.isActive())
			.authorities(List.of(new SimpleGrantedAuthority("ROLE_" + member.getRole().name())))
			.build();
	}

}
