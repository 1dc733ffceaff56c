package es.kompanion.bot.slack;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * Registers a bean only when the Slack staff channel is on (see
 * {@link SlackProperties#isEnabled()}), and optionally only in one way of receiving
 * events.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(SlackStaffChannelCondition.class)
public @interface ConditionalOnSlackStaffChannel {

	Mode value() default Mode.ANY;

	enum Mode {

		/** Whichever way events arrive. */
		ANY,
		/** Events arrive as signed HTTP requests. */
		HTTP,
		/** Events arrive over a Socket Mode connection. */
		SOCKET_MODE

	}

}
