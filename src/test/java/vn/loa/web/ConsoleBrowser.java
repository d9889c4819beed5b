package vn.loa.web;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The headless Chromium (Debian's {@code chromium} and {@code chromedriver}) the
 * console's browser tests drive, with the steps they share: log in as a demo user, click,
 * type, read, take a screenshot into {@code target/}. One per test class, started before
 * its tests and closed after them.
 */
final class ConsoleBrowser implements AutoCloseable {

	private static final String CHROMIUM = "/usr/bin/chromium";

	private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

	static final Duration PATIENCE = Duration.ofSeconds(30);

	private final ChromeDriverService service;

	private final WebDriver driver;

	private final WebDriverWait wait;

	private ConsoleBrowser(ChromeDriverService service, WebDriver driver) {
		this.service = service;
		this.driver = driver;
		this.wait = new WebDriverWait(driver, PATIENCE);
	}

	static ConsoleBrowser start() throws IOException {
		// never let Selenium Manager look for a driver on the network
		System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
		Path profile = Files.createTempDirectory("loa-chromium-");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
			.usingAnyFreePort()
			.build();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=1280,1000", "--lang=vi", "--user-data-dir=" + profile);
		return new ConsoleBrowser(service, new ChromeDriver(service, options));
	}

	WebDriver driver() {
		return this.driver;
	}

	/**
	 * Opens the console as a newcomer does, is sent to the login page and logs in with
	 * the demo password; the browser's cookies are dropped first.
	 */
	void logIn(String baseUrl, String user) {
		this.driver.get(baseUrl + "/login");
		this.driver.manage().deleteAllCookies();
		this.driver.get(baseUrl + "/console");
		this.wait.until(ExpectedConditions.urlContains("/login"));
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
		type(By.id("username"), user);
		type(By.id("password"), "loa-demo");
		click(By.id("login-submit"));
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("current-user")));
		assertThat(text("#current-user strong")).isEqualTo(user);
	}

	void click(By by) {
		this.wait.until(ExpectedConditions.elementToBeClickable(by)).click();
	}

	void type(By by, String value) {
		WebElement field = this.wait.until(ExpectedConditions.visibilityOfElementLocated(by));
		field.clear();
		field.sendKeys(value);
	}

	/**
	 * Waits until the element shows the text (e.g. the notice after a form's redirect).
	 */
	void awaitText(String css, String text) {
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
	}

	String text(String css) {
		return this.driver.findElement(By.cssSelector(css)).getText();
	}

	void screenshot(String name) throws IOException {
		File shot = ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.FILE);
		Path target = Path.of("target", name);
		Files.createDirectories(target.getParent());
		Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
	}

	@Override
	public void close() {
		this.driver.quit();
		this.service.stop();
	}

}
