package es.kompanion.bot.telegram.config;

import java.util.Arrays;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when the mode the Telegram settings select is one of those asked for. Binds the
 * settings as the application will, so environment variables and defaults count; the
 * outcome names the mode only, never a setting's value.
 */
class OnTelegramCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		List<TelegramProperties.Mode> wanted = Arrays.asList(metadata.getAnnotations()
			.get(ConditionalOnTelegram.class)
			.getEnumArray("value", TelegramProperties.Mode.class));
		TelegramProperties.Mode mode = Binder.get(context.getEnvironment())
			.bindOrCreate(TelegramProperties.PREFIX, TelegramProperties.class)
			.mode();

		ConditionMessage.Builder message = ConditionMessage.forCondition(ConditionalOnTelegram.class, wanted);
		return wanted.contains(mode) ? ConditionOutcome.match(message.because("Telegram channel is " + mode))
				: ConditionOutcome.noMatch(message.because("Telegram channel is " + mode));
	}

}
