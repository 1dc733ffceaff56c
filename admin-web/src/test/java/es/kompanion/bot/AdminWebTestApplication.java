package es.kompanion.bot;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Boots the core and the admin web together against the test database. It never wipes the
 * database: other test runs may be using it at the same time, so every test makes its own
 * uniquely named data.
 */
@SpringBootApplication
public class AdminWebTestApplication {

}
