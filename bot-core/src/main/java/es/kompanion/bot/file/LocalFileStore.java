package es.kompanion.bot.file;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Keeps files in a local folder, one per key, grouped by month. A file is written under a
 * temporary name and moved into place when complete, so a key never points at half a
 * file.
 */
public class LocalFileStore implements FileStore {

	private static final Pattern KEY = Pattern.compile("\\d{4}/\\d{2}/[0-9a-f-]{36}");

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy/MM").withZone(ZoneOffset.UTC);

	private static final int BUFFER = 64 * 1024;

	private final Path root;

	private final Clock clock;

	public LocalFileStore(Path root, Clock clock) {
		this.root = root.toAbsolutePath().normalize();
		this.clock = clock;
	}

	@Override
	public StoredFile save(InputStream content, long maxBytes) throws IOException {
		String key = MONTH.format(this.clock.instant()) + "/" + UUID.randomUUID();
		Path target = this.root.resolve(key);
		Files.createDirectories(target.getParent());
		Path partial = Files.createTempFile(target.getParent(), "part-", ".tmp");
		try {
			MessageDigest digest = sha256();
			long size = 0;
			try (OutputStream out = new DigestOutputStream(Files.newOutputStream(partial), digest)) {
				byte[] buffer = new byte[BUFFER];
				for (int read = content.read(buffer); read >= 0; read = content.read(buffer)) {
					size += read;
					if (size > maxBytes) {
						throw new FileTooLargeException(maxBytes);
					}
					out.write(buffer, 0, read);
				}
			}
			Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
			return new StoredFile(key, size, HexFormat.of().formatHex(digest.digest()));
		}
		finally {
			Files.deleteIfExists(partial);
		}
	}

	@Override
	public InputStream open(String key) throws IOException {
		if (!KEY.matcher(key).matches()) {
			throw new FileNotFoundException("No file under that key");
		}
		try {
			return Files.newInputStream(this.root.resolve(key));
		}
		catch (NoSuchFileException ex) {
			throw new FileNotFoundException("No file under that key");
		}
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this Java", ex);
		}
	}

}
