package es.kompanion.bot;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bot's texts and the admin web's share one message source: a key defined in two
 * bundles shows whichever comes first, so every key must live in one bundle, in both
 * languages.
 */
class MessageBundlesTests {

	private static final List<String> BUNDLES = List.of("messages", "i18n/admin", "i18n/admin-clients",
			"i18n/admin-resources", "i18n/admin-tickets", "mail/messages");

	@Test
	void definesEveryKeyInOneBundleOnly() throws IOException {
		for (String language : List.of("es", "en")) {
			Map<String, String> owner = new HashMap<>();
			for (String bundle : BUNDLES) {
				for (String key : keys(bundle, language)) {
					String earlier = owner.put(key, bundle);

					assertThat(earlier).as("%s is in %s and %s (%s)", key, earlier, bundle, language).isNull();
				}
			}
		}
	}

	@Test
	void speaksBothLanguagesInEveryBundle() throws IOException {
		for (String bundle : BUNDLES) {
			assertThat(keys(bundle, "en")).as(bundle).isEqualTo(keys(bundle, "es"));
		}
	}

	private static Set<String> keys(String bundle, String language) throws IOException {
		String resource = bundle + "_" + language + ".properties";
		try (InputStream in = MessageBundlesTests.class.getClassLoader().getResourceAsStream(resource)) {
			assertThat(in).as(resource).isNotNull();
			Properties properties = new Properties();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
			return new TreeSet<>(properties.stringPropertyNames());
		}
	}

}
