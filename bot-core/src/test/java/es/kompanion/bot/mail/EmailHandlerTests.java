package es.kompanion.bot.mail;

import java.net.ConnectException;
import java.time.Duration;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;

import es.kompanion.bot.delivery.DeliveryException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.mock;
import static org.mockito.BDDMockito.willThrow;

/**
 * What the SMTP server says decides whether an email is tried again: an outage or a
 * refusal for now is retried, an address rejected for good is given up; neither reason
 * names the address.
 */
class EmailHandlerTests {

	private static final Email EMAIL = new Email("ana@example.com", "Asunto", "Texto", "<p>Texto</p>", 42L);

	private final JavaMailSender sender = mock(JavaMailSender.class);

	private final EmailHandler handler = new EmailHandler(this.sender, properties("Kompanion <no-reply@example.com>"));

	@Test
	void retriesWhenTheServerCannotBeReached() {
		failWith(new MailSendException("Mail server connection failed",
				new MessagingException("connect", new ConnectException("Connection refused"))));

		DeliveryException failure = deliver();

		assertThat(failure.isRetryable()).isTrue();
	}

	@Test
	void retriesWhenTheServerRefusesTheCredentials() {
		failWith(new MailAuthenticationException("535 bad credentials"));

		assertThat(deliver().isRetryable()).isTrue();
	}

	@Test
	void givesUpAnAddressTheServerRejectsForGood() throws Exception {
		SendFailedException rejected = new SendFailedException("Invalid Addresses", null, new InternetAddress[0],
				new InternetAddress[0], new InternetAddress[] { new InternetAddress("ana@example.com") });
		failWith(new MailSendException(Map.of(new MimeMessage((Session) null), rejected)));

		DeliveryException failure = deliver();

		assertThat(failure.isRetryable()).isFalse();
		assertThat(failure.getMessage()).isEqualTo("SMTP server rejected the recipient").doesNotContain("ana@");
	}

	@Test
	void retriesAnAddressTheServerCannotTakeForNow() throws Exception {
		SendFailedException busy = new SendFailedException("Invalid Addresses", null, new InternetAddress[0],
				new InternetAddress[] { new InternetAddress("ana@example.com") }, new InternetAddress[0]);
		failWith(new MailSendException(Map.of(new MimeMessage((Session) null), busy)));

		assertThat(deliver().isRetryable()).isTrue();
	}

	@Test
	void givesUpAMessageThatCannotBePrepared() {
		failWith(new MailParseException("bad header"));

		assertThat(deliver().isRetryable()).isFalse();
	}

	@Test
	void givesUpAnAddressThatIsNotOne() {
		given(this.sender.createMimeMessage()).willReturn(new MimeMessage((Session) null));

		assertThatExceptionOfType(DeliveryException.class)
			.isThrownBy(() -> this.handler.deliver(new Email("not an address", "s", "t", "h", null)))
			.satisfies((failure) -> assertThat(failure.isRetryable()).isFalse());
	}

	@Test
	void refusesToStartWithASenderThatIsNotAnAddress() {
		assertThatIllegalStateException().isThrownBy(() -> new EmailHandler(this.sender, properties("Kompanion <>")));
	}

	private void failWith(RuntimeException failure) {
		given(this.sender.createMimeMessage()).willReturn(new MimeMessage((Session) null));
		willThrow(failure).given(this.sender).send(any(MimeMessage.class));
	}

	private DeliveryException deliver() {
		try {
			this.handler.deliver(EMAIL);
		}
		catch (DeliveryException ex) {
			return ex;
		}
		throw new AssertionError("Delivery did not fail");
	}

	private static MailProperties properties(String from) {
		return new MailProperties(from, "http://localhost:8080", null, MailProperties.StaffReplies.WHEN_AWAY,
				Duration.ofMinutes(15), Duration.ofDays(30));
	}

}
