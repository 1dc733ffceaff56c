package es.kompanion.bot.slack.config;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import es.kompanion.bot.slack.ConditionalOnSlackStaffChannel;
import es.kompanion.bot.slack.SlackListeners;
import es.kompanion.bot.slack.SlackProperties;

/**
 * Binds the Slack settings, says once at start-up whether the staff channel is on, and
 * builds the Bolt app when it is.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SlackProperties.class)
class SlackConfiguration implements InitializingBean {

	private static final Logger log = LoggerFactory.getLogger(SlackConfiguration.class);

	private final SlackProperties properties;

	SlackConfiguration(SlackProperties properties) {
		this.properties = properties;
	}

	@Override
	public void afterPropertiesSet() {
		if (!this.properties.isEnabled()) {
			log.info("Slack staff channel off: SLACK_BOT_TOKEN, SLACK_STAFF_CHANNEL and SLACK_SIGNING_SECRET "
					+ "or SLACK_APP_TOKEN are not all set");
		}
		else if (this.properties.usesSocketMode()) {
			log.info("Slack staff channel on (Socket Mode)");
		}
		else {
			log.info("Slack staff channel on (HTTP events at {})", this.properties.eventsPath());
		}
	}

	@Bean
	@ConditionalOnSlackStaffChannel
	Slack slack() {
		return createSlack(this.properties);
	}

	@Bean(destroyMethod = "stop")
	@ConditionalOnSlackStaffChannel
	App slackApp(Slack slack, ObjectProvider<SlackListeners> listeners) {
		App app = createApp(this.properties, slack);
		listeners.orderedStream().forEach((listener) -> listener.registerOn(app));
		return app;
	}

	static Slack createSlack(SlackProperties properties) {
		SlackConfig config = new SlackConfig();
		String apiUrl = properties.apiUrl();
		config.setMethodsEndpointUrlPrefix(apiUrl.endsWith("/") ? apiUrl : apiUrl + "/");
		config.setStatsEnabled(false);
		return Slack.getInstance(config);
	}

	/**
	 * Message subtypes nobody handles (edits, deletions, joins) are acknowledged without
	 * a warning, so that Slack does not retry them.
	 */
	static App createApp(SlackProperties properties, Slack slack) {
		AppConfig config = AppConfig.builder()
			.singleTeamBotToken(properties.botToken())
			.signingSecret(properties.signingSecret())
			.slack(slack)
			.subtypedMessageEventsAutoAckEnabled(true)
			.build();
		return new App(config);
	}

}
