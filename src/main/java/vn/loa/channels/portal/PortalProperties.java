package vn.loa.channels.portal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code channels/portal.yml}: Loa's own public portal.
 *
 * @param enabled whether publications may target the portal
 * @param template the channel template for an article, under {@code templates/portal/}
 * @param title the portal's name in pages and feeds
 * @param description the meta description of the list page and the feeds' description
 * @param feedSize how many newest articles the feeds carry
 * @param agency the office that runs the portal, shown in its header and footer
 */
@ConfigurationProperties("loa.channels.portal")
record PortalProperties(@DefaultValue("true") boolean enabled, @DefaultValue("article.html") String template,
		@DefaultValue("Cổng thông tin") String title,
		@DefaultValue("Tin bài, thông báo về cải cách hành chính và thủ tục hành chính.") String description,
		@DefaultValue("20") int feedSize, @DefaultValue Agency agency) {

	/**
	 * The office behind the portal. Empty values are left out of the pages.
	 *
	 * @param name the agency's name, e.g. Sở Nội vụ tỉnh Khánh Hòa
	 * @param logo the logo's address: a path on Loa (the default is Loa's own mark) or an
	 * absolute URL
	 * @param address the postal address
	 * @param phone the telephone number readers may call
	 * @param email the contact e-mail address
	 * @param website the agency's own website
	 */
	record Agency(@DefaultValue("") String name, @DefaultValue("/portal/logo.svg") String logo,
			@DefaultValue("") String address, @DefaultValue("") String phone, @DefaultValue("") String email,
			@DefaultValue("") String website) {

		/** The phone number as a {@code tel:} link: digits and a leading +. */
		public String phoneLink() {
			return "tel:" + this.phone.replaceAll("[^0-9+]", "");
		}

	}

}
