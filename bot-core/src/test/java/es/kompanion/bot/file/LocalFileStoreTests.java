package es.kompanion.bot.file;

import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The default file store keeps exactly the bytes it was given and nothing it refused; the
 * policy takes office files and images but nothing that runs.
 */
class LocalFileStoreTests {

	@TempDir
	Path root;

	private final Clock clock = Clock.fixed(Instant.parse("2026-12-04T10:00:00Z"), ZoneOffset.UTC);

	@Test
	void givesBackTheSameBytesUnderItsKey() throws IOException {
		LocalFileStore store = new LocalFileStore(this.root, this.clock);
		byte[] content = "%PDF-1.7 factura 2026/118 — 1.210,00 €".getBytes(StandardCharsets.UTF_8);

		StoredFile stored = store.save(new ByteArrayInputStream(content), 1024);

		assertThat(stored.key()).startsWith("2026/12/");
		assertThat(stored.size()).isEqualTo(content.length);
		assertThat(stored.sha256()).hasSize(64);
		try (InputStream in = store.open(stored.key())) {
			assertThat(in.readAllBytes()).isEqualTo(content);
		}
	}

	@Test
	void refusesAStreamOverTheLimitAndLeavesNothingBehind() throws IOException {
		LocalFileStore store = new LocalFileStore(this.root, this.clock);

		assertThatExceptionOfType(FileTooLargeException.class)
			.isThrownBy(() -> store.save(new ByteArrayInputStream(new byte[2048]), 1024));

		try (Stream<Path> files = Files.walk(this.root)) {
			assertThat(files.filter(Files::isRegularFile)).isEmpty();
		}
	}

	@Test
	void opensNothingOutsideItsFolder() throws IOException {
		Files.writeString(this.root.resolve("secret.txt"), "no");
		LocalFileStore store = new LocalFileStore(this.root.resolve("files"), this.clock);

		assertThatExceptionOfType(FileNotFoundException.class).isThrownBy(() -> store.open("../secret.txt"));
		assertThatExceptionOfType(FileNotFoundException.class)
			.isThrownBy(() -> store.open("2026/12/0b7e2f8a-3c55-4a7e-9d3c-000000000000"));
	}

	@Test
	void takesOfficeFilesAndImagesButNothingThatRuns() {
		FilePolicy policy = new FilePolicy(20L * 1024 * 1024);

		assertThat(policy.judge("modelo_303.pdf", "application/pdf", 1000)).isEqualTo(FilePolicy.Verdict.ACCEPTED);
		assertThat(policy.judge("nominas.XLSX", "application/octet-stream", 1000))
			.isEqualTo(FilePolicy.Verdict.ACCEPTED);
		assertThat(policy.judge(null, "image/jpeg", 1000)).isEqualTo(FilePolicy.Verdict.ACCEPTED);
		assertThat(policy.judge("factura.pdf.exe", "application/pdf", 1000)).isEqualTo(FilePolicy.Verdict.TYPE_REFUSED);
		assertThat(policy.judge("script.js", "text/plain", 10)).isEqualTo(FilePolicy.Verdict.TYPE_REFUSED);
		assertThat(policy.judge("factura.exe.", "application/pdf", 10)).isEqualTo(FilePolicy.Verdict.TYPE_REFUSED);
		assertThat(policy.judge("factura.exe . ", "application/pdf", 10)).isEqualTo(FilePolicy.Verdict.TYPE_REFUSED);
		assertThat(policy.judge("factura.", "application/pdf", 10)).isEqualTo(FilePolicy.Verdict.TYPE_REFUSED);
		assertThat(policy.judge("video.mp4", "video/mp4", 21L * 1024 * 1024)).isEqualTo(FilePolicy.Verdict.TOO_LARGE);
	}

}
