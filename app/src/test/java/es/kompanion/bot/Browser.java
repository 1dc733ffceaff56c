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
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
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
		// A page being replaced by the next one answers with stale or "not in the
		// document" errors:
		// both mean "look again".
		this.wait.ignoring(StaleElementReferenceException.class).ignoring(WebDriverException.class);
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

	/**
	 * Sets a field's value directly, for inputs such as dates whose typing depends on the
	 * locale.
	 */
	void setValue(By by, String value) {
		this.driver.executeScript("arguments[0].value = arguments[1];", find(by), value);
	}

	/**
	 * Waits until a bubble of the web chat contains the text.
	 */
	WebElement awaitBubble(String text) {
		return this.wait.until((d) -> d.findElements(By.cssSelector("#try-log .bubble"))
			.stream()
			.filter((bubble) -> bubble.getText().contains(text))
			.reduce((first, last) -> last)
			.orElse(null));
	}

	/**
	 * Whether Chart.js drew into the canvas: a drawn canvas has non-transparent pixels.
	 */
	boolean chartDrawn(String canvasId) {
		Object drawn = this.driver.executeScript(
				"var c = document.getElementById(arguments[0]);"
						+ "var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
						+ "for (var i = 3; i < d.length; i += 4) { if (d[i] > 0) { return true; } } return false;",
				canvasId);
		return Boolean.TRUE.equals(drawn);
	}

	/**
	 * Clicks the element, finding it again if the page replaced it meanwhile (the web
	 * chat redraws its messages as they arrive).
	 */
	void click(By by) {
		this.wait.until((d) -> {
			WebElement element = d.findElement(by);
			if (!element.isDisplayed() || !element.isEnabled()) {
				return false;
			}
			element.click();
			return true;
		});
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
