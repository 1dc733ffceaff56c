package es.kompanion.bot.audit;

import java.time.Clock;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Records admin actions in the caller's transaction, so an action and its entry are
 * stored together or not at all.
 */
@Service
public class AuditLog {

	private static final int DETAILS_LIMIT = 2000;

	private final AuditEntryRepository entries;

	private final Clock clock;

	AuditLog(AuditEntryRepository entries, Clock clock) {
		this.entries = entries;
		this.clock = clock;
	}

	/**
	 * @param actor who did it, such as a staff email
	 * @param action a stable code, such as {@code client.created}
	 * @param target what it was done to, such as {@code client:42}
	 * @param details what changed, for people to read
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public void record(String actor, String action, String target, @Nullable String details) {
		String shortDetails = (details != null && details.length() > DETAILS_LIMIT)
				? details.substring(0, DETAILS_LIMIT - 1) + "…" : details;
		this.entries.save(new AuditEntry(this.clock.instant(), actor, action, target, shortDetails));
	}

	/**
	 * The newest entries first, optionally only those whose actor or target contains the
	 * text.
	 */
	@Transactional(readOnly = true)
	public Page<AuditEntry> recent(@Nullable String search, Pageable page) {
		if (!StringUtils.hasText(search)) {
			return this.entries.findAllByOrderByOccurredAtDescIdDesc(page);
		}
		String text = search.strip();
		return this.entries.findByActorContainingIgnoreCaseOrTargetContainingIgnoreCaseOrderByOccurredAtDescIdDesc(text,
				text, page);
	}

}
