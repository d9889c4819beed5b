package vn.loa.rendering;

/** A template that does not compile or render, with where it went wrong. */
public class TemplateProblem extends RuntimeException {

	private final String template;

	private final int line;

	public TemplateProblem(String template, int line, String message, Throwable cause) {
		super(template + ((line > 0) ? " line " + line : "") + ": " + message, cause);
		this.template = template;
		this.line = line;
	}

	public String template() {
		return this.template;
	}

	public int line() {
		return this.line;
	}

}
