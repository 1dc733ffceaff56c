package es.kompanion.bot.conversation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import es.kompanion.bot.CoreProperties;
import es.kompanion.bot.user.ChatAccount;
import es.kompanion.bot.user.Client;
import es.kompanion.bot.user.Clients;

/**
 * Six-digit codes that link a chat account to the client who owns an email, the chat
 * version of the portal's "reset access". Every request writes a code row, whether or not
 * the email is a client's, so that the answer, the work done and the limits are the same
 * either way; only a client's email gets the code. Codes are kept as salted SHA-256
 * digests, expire, allow a few wrong tries, and are counted per chat account and per
 * email.
 */
@Component
class LinkCodes {

	private static final int CODE_RANGE = 1_000_000;

	private final JdbcTemplate jdbc;

	private final Clients clients;

	private final Clock clock;

	private final CoreProperties.LinkCodes settings;

	private final SecureRandom random = new SecureRandom();

	LinkCodes(JdbcTemplate jdbc, Clients clients, Clock clock, CoreProperties properties) {
		this.jdbc = jdbc;
		this.clients = clients;
		this.clock = clock;
		this.settings = properties.linkCodes();
	}

	CoreProperties.LinkCodes settings() {
		return this.settings;
	}

	/**
	 * Issues a code for the email if the limits allow it.
	 * @return the code and the client it links to (none if the email is no active
	 * client's), or {@link Issued#LIMITED_ACCOUNT} / {@link Issued#LIMITED_EMAIL} when
	 * too many codes were asked for
	 */
	Issued request(ChatAccount account, String email) {
		Instant now = this.clock.instant();
		LocalDateTime since = utc(now.minus(this.settings.window()));
		String normalized = Client.normalizeEmail(email);
		Integer byAccount = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM link_code WHERE channel = ? AND external_user_id = ? AND created_at > ?",
				Integer.class, account.channel().name(), account.externalUserId(), since);
		Integer byEmail = this.jdbc.queryForObject("SELECT COUNT(*) FROM link_code WHERE email = ? AND created_at > ?",
				Integer.class, normalized, since);
		if (byAccount == null || byAccount >= this.settings.perAccount()) {
			return Issued.LIMITED_ACCOUNT;
		}
		if (byEmail == null || byEmail >= this.settings.perEmail()) {
			return Issued.LIMITED_EMAIL;
		}
		Client client = this.clients.findByEmail(normalized).filter(Client::isActive).orElse(null);
		String code = String.format("%06d", this.random.nextInt(CODE_RANGE));
		byte[] saltBytes = new byte[16];
		this.random.nextBytes(saltBytes);
		String salt = HexFormat.of().formatHex(saltBytes);
		// Earlier codes of this account stop working: only the newest one counts.
		this.jdbc.update(
				"UPDATE link_code SET used_at = ? WHERE channel = ? AND external_user_id = ? " + "AND used_at IS NULL",
				utc(now), account.channel().name(), account.externalUserId());
		this.jdbc.update(
				"INSERT INTO link_code (channel, external_user_id, email, client_id, code_hash, attempts, "
						+ "created_at, expires_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?)",
				account.channel().name(), account.externalUserId(), normalized,
				(client != null) ? client.getId() : null, salt + ":" + digest(salt, code), utc(now),
				utc(now.plus(this.settings.validity())));
		return new Issued(code, client);
	}

	/**
	 * Whether the account has a code that can still be typed.
	 */
	boolean hasPending(ChatAccount account) {
		return pending(account) != null;
	}

	/**
	 * Checks a typed code against the account's newest code. A right code is used up; a
	 * wrong one counts as an attempt, and the last allowed attempt uses the code up.
	 */
	Check check(ChatAccount account, String typed) {
		Map<String, Object> row = pending(account);
		if (row == null) {
			return new Check(Check.Result.NONE, null, 0);
		}
		long id = ((Number) row.get("id")).longValue();
		Instant now = this.clock.instant();
		Instant expires = instant(row.get("expires_at"));
		if (!expires.isAfter(now)) {
			this.jdbc.update("UPDATE link_code SET used_at = ? WHERE id = ?", utc(now), id);
			return new Check(Check.Result.EXPIRED, null, 0);
		}
		String[] stored = String.valueOf(row.get("code_hash")).split(":", 2);
		boolean matches = MessageDigest.isEqual(stored[1].getBytes(StandardCharsets.US_ASCII),
				digest(stored[0], typed.strip()).getBytes(StandardCharsets.US_ASCII));
		Number clientId = (Number) row.get("client_id");
		// A client deactivated since the code was sent links nothing; it reads as a wrong
		// code.
		if (matches && clientId != null
				&& this.clients.find(clientId.longValue()).filter(Client::isActive).isPresent()) {
			this.jdbc.update("UPDATE link_code SET used_at = ? WHERE id = ?", utc(now), id);
			return new Check(Check.Result.RIGHT, clientId.longValue(), 0);
		}
		int attempts = ((Number) row.get("attempts")).intValue() + 1;
		boolean spent = attempts >= this.settings.maxAttempts();
		this.jdbc.update("UPDATE link_code SET attempts = ?, used_at = ? WHERE id = ?", attempts,
				spent ? utc(now) : null, id);
		return new Check(spent ? Check.Result.TOO_MANY : Check.Result.WRONG, null,
				this.settings.maxAttempts() - attempts);
	}

	private @Nullable Map<String, Object> pending(ChatAccount account) {
		List<Map<String, Object>> rows = this.jdbc.queryForList(
				"SELECT id, client_id, code_hash, attempts, expires_at FROM link_code WHERE channel = ? "
						+ "AND external_user_id = ? AND used_at IS NULL ORDER BY id DESC",
				account.channel().name(), account.externalUserId());
		return rows.isEmpty() ? null : rows.get(0);
	}

	private static String digest(String salt, String code) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256")
				.digest((salt + ":" + code).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A DATETIME column as an instant: drivers differ in the Java type they return.
	 */
	private static Instant instant(@Nullable Object value) {
		if (value instanceof LocalDateTime local) {
			return local.toInstant(ZoneOffset.UTC);
		}
		if (value instanceof java.sql.Timestamp timestamp) {
			return timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
		}
		throw new IllegalStateException("Unexpected date type " + ((value != null) ? value.getClass() : null));
	}

	private static LocalDateTime utc(Instant instant) {
		return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	/**
	 * A code that was issued.
	 *
	 * @param code the six digits, to mail
	 * @param client whom the email belongs to, or {@code null} if to no active client
	 */
	record Issued(String code, @Nullable Client client) {

		/** This chat asked for too many codes. */
		static final Issued LIMITED_ACCOUNT = new Issued("", null);

		/** Too many codes went to this email, from whatever chats. */
		static final Issued LIMITED_EMAIL = new Issued("", null);

	}

	/**
	 * What a typed code turned out to be.
	 *
	 * @param result right, wrong, and so on
	 * @param clientId for a right code, the client to link
	 * @param attemptsLeft for a wrong code, how many more tries there are
	 */
	record Check(Result result, @Nullable Long clientId, int attemptsLeft) {

		enum Result {

			RIGHT, WRONG, TOO_MANY, EXPIRED, NONE

		}

	}

}
