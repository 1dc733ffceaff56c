package es.kompanion.bot.file;

import java.nio.file.Path;
import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import es.kompanion.bot.CoreProperties;

/**
 * The default file store, a local folder, and the file policy from the settings.
 */
@Configuration(proxyBeanMethods = false)
class FileConfiguration {

	@Bean
	@ConditionalOnMissingBean(FileStore.class)
	LocalFileStore localFileStore(CoreProperties properties, Clock clock) {
		return new LocalFileStore(Path.of(properties.files().directory()), clock);
	}

	@Bean
	FilePolicy filePolicy(CoreProperties properties) {
		return new FilePolicy(properties.files().maxSize().toBytes());
	}

}
