package es.kompanion.bot.slack;

import com.slack.api.bolt.App;

/**
 * A feature that answers Slack: it registers its event and action handlers on the Bolt
 * app before the app serves any request.
 */
public interface SlackListeners {

	void registerOn(App app);

}
