package es.kompanion.bot.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import static org.awaitility.Awaitility.await;

/**
 * One real SMTP server (GreenMail) on a free port of 127.0.0.1 for every mail test of the
 * run, so that they share one application context; tests tell their emails apart by
 * recipient. It can be stopped and started again on the same port.
 */
public final class SmtpServer {

	static final int PORT = freePort();

	private static final GreenMail server = new GreenMail(
			new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	private static boolean running;

	static {
		start();
	}

	private SmtpServer() {
	}

	static synchronized void stop() {
		if (running) {
			server.stop();
			running = false;
		}
	}

	static synchronized void start() {
		if (!running) {
			server.start();
			running = true;
		}
	}

	/**
	 * The emails received for the address, oldest first.
	 */
	public static List<MimeMessage> to(String address) {
		List<MimeMessage> found = new ArrayList<>();
		for (MimeMessage message : server.getReceivedMessages()) {
			if (isFor(message, address)) {
				found.add(message);
			}
		}
		return found;
	}

	/**
	 * Waits until the address has received this many emails, and returns them.
	 */
	public static List<MimeMessage> awaitMail(String address, int count) {
		await().atMost(Duration.ofSeconds(20)).until(() -> to(address).size() >= count);
		return to(address);
	}

	static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static List<String> subjects(String address) {
		return to(address).stream().map(SmtpServer::subject).toList();
	}

	/**
	 * The plain text part of an email.
	 */
	public static String text(MimeMessage message) {
		return part(message, "text/plain").replace("\r\n", "\n");
	}

	/**
	 * The HTML part of an email.
	 */
	static String html(MimeMessage message) {
		return part(message, "text/html").replace("\r\n", "\n");
	}

	private static String part(MimeMessage message, String type) {
		try {
			String content = find(message, type);
			if (content == null) {
				throw new IllegalStateException("No " + type + " part");
			}
			return content;
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static @Nullable String find(Part part, String type) throws MessagingException, IOException {
		if (part.isMimeType(type)) {
			return (String) part.getContent();
		}
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				String found = find(child, type);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	private static boolean isFor(MimeMessage message, String address) {
		try {
			return message.getRecipients(Message.RecipientType.TO) != null
					&& Arrays.stream(message.getRecipients(Message.RecipientType.TO))
						.anyMatch((recipient) -> recipient.toString().equalsIgnoreCase(address));
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Points the application's mail sender at the test server.
	 */
	static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			TestPropertyValues.of("spring.mail.host=127.0.0.1", "spring.mail.port=" + PORT).applyTo(context);
		}

	}

}
