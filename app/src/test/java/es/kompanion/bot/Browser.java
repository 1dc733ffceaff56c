package es.kompanion.bot;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.Function;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through chromedriver, never anything downloaded: the
 * paths are given, so Selenium Manager stays idle. Screenshots go to
 * {@code docs/screenshots} at the top of the repository.
 */
final class Browser implements AutoCloseable {

	static final String CHROMIUM = System.getProperty("chromium.binary", "/usr/bin/chromium");

	static final String CHROMEDRIVER = System.getProperty("chromedriver.binary", "/usr/bin/chromedriver");

	private final ChromeDriver driver;

	private final String baseUrl;

	private final WebDriverWait wait;

	Browser(String baseUrl) {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
				"--lang=es-ES", "--window-size=1280,900");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
		this.driver.manage().window().setSize(new Dimension(1280, 900));
		this.baseUrl = baseUrl;
		this.wait = new WebDriverWait(this.driver, Duration.ofSeconds(15));
	}

	static boolean isAvailable() {
		return new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
	}

	Browser open(String path) {
		this.driver.get(this.baseUrl + path);
		return this;
	}

	WebElement find(By by) {
		return this.wait.until((d) -> {
			WebElement element = d.findElement(by);
			return element.isDisplayed() ? element : null;
		});
	}

	void type(By by, String text) {
		WebElement field = find(by);
		field.clear();
		field.sendKeys(text);
	}

	void click(By by) {
		find(by).click();
	}

	<T> T await(Function<WebDriver, T> condition) {
		return this.wait.until(condition::apply);
	}

	String mainText() {
		return find(By.tagName("main")).getText();
	}

	String currentPath() {
		return this.driver.getCurrentUrl().substring(this.baseUrl.length());
	}

	WebDriver driver() {
		return this.driver;
	}

	/**
	 * Saves the page as {@code docs/screenshots/<name>.png}.
	 */
	void screenshot(String name) throws IOException {
		Path target = screenshots().resolve(name + ".png");
		Files.createDirectories(target.getParent());
		File shot = this.driver.getScreenshotAs(OutputType.FILE);
		Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
	}

	private static Path screenshots() {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
			dir = dir.getParent();
		}
		return ((dir != null) ? dir : Path.of("").toAbsolutePath()).resolve("docs").resolve("screenshots");
	}

	@Override
	public void close() {
		this.driver.quit();
	}

}
