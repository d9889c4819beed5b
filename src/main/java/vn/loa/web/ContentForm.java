package vn.loa.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Size;

import org.springframework.validation.BindingResult;

import vn.loa.content.Audience;
import vn.loa.common.FormProblems;
import vn.loa.content.ContentDraft;
import vn.loa.content.ContentVersion;
import vn.loa.content.Link;

/**
 * The content form as an officer fills it: areas as a comma-separated list, links one per
 * line as {@code title | url}. It becomes a {@link ContentDraft}, and the draft's own
 * constraints are checked here so each message lands next to its field.
 */
class ContentForm {

	private String title = "";

	private String summary = "";

	private String body = "";

	private String topic = "";

	private List<Audience> audiences = new ArrayList<>();

	private String areas = "";

	private String links = "";

	static ContentForm of(ContentVersion version) {
		ContentForm form = new ContentForm();
		form.title = version.title();
		form.summary = version.summary();
		form.body = version.body();
		form.topic = version.topic();
		form.audiences = new ArrayList<>(version.audiences());
		form.areas = String.join(", ", version.areas());
		form.links = String.join("\n", version.links().stream().map(l -> l.title() + " | " + l.url()).toList());
		return form;
	}

	/** The draft, or null with the binding holding what to fix. */
	ContentDraft toDraft(Validator validator, BindingResult binding, List<String> keepImages) {
		List<Link> parsedLinks = new ArrayList<>();
		for (String line : nonBlank(this.links.split("\\R"))) {
			int bar = line.lastIndexOf('|');
			if (bar < 0) {
				binding.rejectValue("links", "error.links.format", "one link per line as: title | https://…");
				continue;
			}
			parsedLinks.add(new Link(line.substring(0, bar).strip(), line.substring(bar + 1).strip()));
		}
		List<String> parsedAreas = nonBlank(this.areas.split("[,;\\s]+"));
		ContentDraft draft = new ContentDraft(nullToEmpty(this.title), nullToEmpty(this.summary),
				nullToEmpty(this.body), nullToEmpty(this.topic).strip(), this.audiences, parsedAreas, parsedLinks,
				keepImages);
		Set<ConstraintViolation<ContentDraft>> violations = validator.validate(draft);
		for (ConstraintViolation<ContentDraft> violation : violations) {
			String field = FormProblems.rootField(violation.getPropertyPath().toString());
			Object annotation = violation.getConstraintDescriptor().getAnnotation();
			String code = "error."
					+ violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
			Object[] args = (annotation instanceof Size size) ? new Object[] { size.max() } : null;
			if (binding.getFieldErrors(field).stream().noneMatch(e -> code.equals(e.getCode()))) {
				binding.rejectValue(field, code, args, violation.getMessage());
			}
		}
		return binding.hasErrors() ? null : draft;
	}

	private static List<String> nonBlank(String[] parts) {
		return Arrays.stream(parts).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	private static String nullToEmpty(String s) {
		return (s != null) ? s : "";
	}

	// Spring binds the form through these accessors.

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getSummary() {
		return this.summary;
	}

	public void setSummary(String summary) {
		this.summary = summary;
	}

	public String getBody() {
		return this.body;
	}

	public void setBody(String body) {
		this.body = body;
	}

	public String getTopic() {
		return this.topic;
	}

	public void setTopic(String topic) {
		this.topic = topic;
	}

	public List<Audience> getAudiences() {
		return this.audiences;
	}

	public void setAudiences(List<Audience> audiences) {
		this.audiences = (audiences != null) ? audiences : new ArrayList<>();
	}

	public String getAreas() {
		return this.areas;
	}

	public void setAreas(String areas) {
		this.areas = areas;
	}

	public String getLinks() {
		return this.links;
	}

	public void setLinks(String links) {
		this.links = links;
	}

}
