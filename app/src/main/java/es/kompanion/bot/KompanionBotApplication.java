package es.kompanion.bot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The one executable: the core, the Telegram and Slack adapters, each on only when its
 * tokens are set.
 */
@SpringBootApplication
public class KompanionBotApplication {

	public static void main(String[] args) {
		SpringApplication.run(KompanionBotApplication.class, args);
	}

}
