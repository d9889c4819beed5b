package vn.loa.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.validation.BeanPropertyBindingResult;

import vn.loa.publishing.PublicationRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** The publish form's options: what each ticked box asks of the channels. */
class PublishFormTests {

	@Test
	void znsAsksForSmsFallbackByDefaultWithTheSmsDiacriticsAndZaloForTheArticleWhenTicked() {
		PublishForm form = new PublishForm();
		form.setChannels(List.of("zalo-zns", "zalo"));
		form.setSmsDiacritics(false);
		form.setZaloArticle(true);

		PublicationRequest request = form.toRequest(42, true, new BeanPropertyBindingResult(form, "form"));

		assertThat(request.options()).containsEntry("zalo.fallback", "sms")
			.containsEntry("sms.diacritics", "false")
			.containsEntry("zalo.article", "true");
	}

	@Test
	void untickedOptionsAskForNothing() {
		PublishForm form = new PublishForm();
		form.setChannels(List.of("zalo-zns", "zalo", "portal"));
		form.setZnsFallback(false);

		PublicationRequest request = form.toRequest(42, true, new BeanPropertyBindingResult(form, "form"));

		assertThat(request.options()).doesNotContainKeys("zalo.fallback", "zalo.article", "sms.diacritics");
	}

}
