package vn.loa.rendering;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.commons.text.StringSubstitutor;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.TextContentRenderer;

import org.springframework.stereotype.Service;

import vn.loa.common.LoaProperties;
import vn.loa.content.Audience;
import vn.loa.content.ContentVersion;

/**
 * Renders a content version for a channel. Every template sees the same variables:
 * {@code title, summary, body} (Markdown), {@code text} (the body as plain text),
 * {@code topic}, {@code audiences}, {@code areas}, {@code links}, {@code images},
 * {@code url} (the portal article), {@code shortUrl} (the article's short link, for SMS
 * and chat messages), {@code version}, {@code var.*} (the configured short strings),
 * {@code hotline} (the configured hotline, empty when the title or summary already gives
 * a hotline) and whatever the channel adds.
 */
@Service
public class Renderer {

	private static final Parser MARKDOWN = Parser.builder().build();

	private static final Pattern HOTLINE_WORDS = Pattern.compile("hotline|đường dây nóng");

	private static final TextContentRenderer PLAIN = TextContentRenderer.builder().build();

	private final TemplateStore templates;

	private final Map<String, ChannelTextPolicy> policies;

	private final Map<String, String> variables;

	private final LoaProperties loa;

	Renderer(TemplateStore templates, List<ChannelTextPolicy> policies, RenderingProperties properties,
			LoaProperties loa) {
		this.templates = templates;
		this.policies = policies.stream().collect(Collectors.toMap(ChannelTextPolicy::channel, Function.identity()));
		this.variables = resolve(properties.variables());
		this.loa = loa;
	}

	public Rendition render(ContentVersion content, String channel, String template, Map<String, Object> extra,
			Map<String, String> options) {
		return render(content, channel, this.templates.get(channel, template), extra, options, true);
	}

	/**
	 * Renders and measures without the channel's refusal (an SMS over its part limit), so
	 * the console can show the numbers of what would be refused. Template problems still
	 * throw.
	 */
	public Rendition measure(ContentVersion content, String channel, String template, Map<String, String> options) {
		return render(content, channel, this.templates.get(channel, template), Map.of(), options, false);
	}

	/** Renders with a candidate template source, as a preview before it is saved. */
	public Rendition preview(ContentVersion content, String channel, String template, String source,
			Map<String, Object> extra, Map<String, String> options) {
		return render(content, channel, this.templates.compile(channel + "/" + template, source), extra, options, true);
	}

	/**
	 * Renders a candidate template source on Loa's sample item, as saving a template does
	 * first; throws {@link TemplateProblem}.
	 */
	public Rendition previewOnSample(String channel, String template, String source) {
		return preview(SampleContent.ITEM, channel, template, source, Map.of(), Map.of());
	}

	private Rendition render(ContentVersion content, String channel, TemplateStore.Compiled compiled,
			Map<String, Object> extra, Map<String, String> options, boolean check) {
		ChannelTextPolicy policy = this.policies.get(channel);
		Map<String, Object> context = context(content);
		if (policy != null) {
			context.putAll(policy.variables(content));
		}
		context.putAll(extra);
		String text = this.templates.execute(compiled, context);
		Map<String, Object> metrics = new LinkedHashMap<>();
		if (policy != null) {
			text = policy.finish(text, options);
		}
		metrics.put("characters", text.codePointCount(0, text.length()));
		metrics.put("words", words(text));
		if (policy != null) {
			metrics.putAll(policy.metrics(text, options));
			Map<String, Object> card = policy.card(content, text, options);
			if (!card.isEmpty()) {
				metrics.put(ChannelTextPolicy.CARD, card);
			}
			if (check) {
				policy.check(text, metrics, options);
			}
		}
		String name = compiled.id().substring(compiled.id().indexOf('/') + 1);
		return new Rendition(channel, name, compiled.version(), text, Map.copyOf(metrics));
	}

	/** Substitutes the configured variables into a short configured string. */
	public String substitute(String configured) {
		return new StringSubstitutor(this.variables).replace(configured);
	}

	public Map<String, String> variables() {
		return this.variables;
	}

	public static String plainText(String markdown) {
		return PLAIN.render(MARKDOWN.parse(markdown)).strip();
	}

	Map<String, Object> context(ContentVersion content) {
		Map<String, Object> context = new HashMap<>();
		context.put("title", content.title());
		context.put("summary", content.summary());
		context.put("body", content.body());
		context.put("text", plainText(content.body()));
		context.put("topic", content.topic());
		context.put("audiences", content.audiences().stream().map(Audience::label).toList());
		context.put("areas", content.areas());
		context.put("links", content.links());
		context.put("images",
				content.images()
					.stream()
					.map(i -> Map.of("url", this.loa.publicUrl(i.path()), "alt", i.alt()))
					.toList());
		context.put("url", this.loa.publicUrl("/portal/articles/" + content.slug()));
		context.put("shortUrl", this.loa.publicUrl(ShortLinks.path(content.contentId())));
		context.put("hotline", mentionsHotline(content) ? "" : this.variables.getOrDefault("hotline", ""));
		context.put("slug", content.slug());
		context.put("version", content.version());
		context.put("var", this.variables);
		return context;
	}

	/**
	 * Whether the title or summary already give a hotline (the word, or the configured
	 * number in any spacing), so a short message does not print one twice.
	 */
	private boolean mentionsHotline(ContentVersion content) {
		String said = (nullToEmpty(content.title()) + " " + nullToEmpty(content.summary())).toLowerCase(Locale.ROOT);
		if (HOTLINE_WORDS.matcher(said).find()) {
			return true;
		}
		String digits = this.variables.getOrDefault("hotline", "").replaceAll("\\D", "");
		return !digits.isEmpty() && said.replaceAll("(?<=\\d)[ .\\-](?=\\d)", "").contains(digits);
	}

	private static String nullToEmpty(String text) {
		return (text != null) ? text : "";
	}

	private static int words(String text) {
		String trimmed = text.strip();
		return trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
	}

	private static Map<String, String> resolve(Map<String, String> raw) {
		StringSubstitutor substitutor = new StringSubstitutor(raw);
		Map<String, String> resolved = new LinkedHashMap<>();
		raw.forEach((k, v) -> resolved.put(k, substitutor.replace(v)));
		return Map.copyOf(resolved);
	}

}
