package vn.loa.common;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.web.ErrorResponseException;

/**
 * A problem's detail in the reader's language: the message code and arguments the problem
 * carries (see {@link Problems}), resolved in {@code messages.properties} /
 * {@code messages_en.properties}; the English detail when the bundle has no such code.
 */
public final class ProblemMessages {

	private ProblemMessages() {
	}

	/** The detail as something a {@link MessageSource} (or a form's errors) resolves. */
	public static MessageSourceResolvable detail(ErrorResponseException ex) {
		String code = ex.getDetailMessageCode();
		boolean coded = code != null && !code.startsWith("problemDetail.");
		return text(coded ? code : null, coded ? ex.getDetailMessageArguments() : null, ex.getBody().getDetail());
	}

	/**
	 * The message {@code code} with {@code arguments}, or {@code fallback} word for word
	 * (never parsed as a message pattern: an English detail may hold quotes and braces).
	 */
	public static MessageSourceResolvable text(String code, Object[] arguments, String fallback) {
		return new Verbatim((code != null) ? new String[] { code } : null, arguments, fallback);
	}

	public static String detail(ErrorResponseException ex, MessageSource messages, Locale locale) {
		return messages.getMessage(detail(ex), locale);
	}

	@SuppressWarnings("serial")
	private static final class Verbatim extends DefaultMessageSourceResolvable {

		Verbatim(String[] codes, Object[] arguments, String defaultMessage) {
			super(codes, arguments, defaultMessage);
		}

		@Override
		public boolean shouldRenderDefaultMessage() {
			return false;
		}

	}

}
