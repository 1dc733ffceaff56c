package es.kompanion.bot.slack;

import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

import es.kompanion.bot.slack.ConditionalOnSlackStaffChannel.Mode;

/**
 * Binds {@code kompanion.slack} the way the properties record will be bound and checks
 * that the staff channel is on in the requested mode.
 */
class SlackStaffChannelCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Map<String, Object> attributes = metadata
			.getAnnotationAttributes(ConditionalOnSlackStaffChannel.class.getName());
		Mode mode = (attributes != null) ? (Mode) attributes.get("value") : Mode.ANY;
		ConditionMessage.Builder message = ConditionMessage.forCondition(ConditionalOnSlackStaffChannel.class, mode);
		SlackProperties properties = Binder.get(context.getEnvironment())
			.bindOrCreate("kompanion.slack", SlackProperties.class);

		if (!properties.isEnabled()) {
			return ConditionOutcome.noMatch(message.because("the staff channel settings are incomplete"));
		}
		boolean socketMode = properties.usesSocketMode();
		return switch (mode) {
			case ANY -> ConditionOutcome.match(message.because("the staff channel is on"));
			case SOCKET_MODE -> socketMode ? ConditionOutcome.match(message.because("an app token is set"))
					: ConditionOutcome.noMatch(message.because("no app token is set"));
			case HTTP -> socketMode ? ConditionOutcome.noMatch(message.because("an app token is set"))
					: ConditionOutcome.match(message.because("events arrive over HTTP"));
		};
	}

}
