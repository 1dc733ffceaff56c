package es.kompanion.bot.telegram.config;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * Creates the annotated bean only while the Telegram channel runs in one of the given
 * modes; by default in any mode but {@link TelegramProperties.Mode#OFF off}.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(OnTelegramCondition.class)
public @interface ConditionalOnTelegram {

	TelegramProperties.Mode[] value() default { TelegramProperties.Mode.LONG_POLLING, TelegramProperties.Mode.WEBHOOK };

}
