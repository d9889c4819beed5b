/**
 * Rendering: turns a content version into a rendition per channel through the logic-less
 * Mustache templates under {@code templates/<channel>/}, read at run time so an admin can
 * edit them without a rebuild. A template error is reported with the template's name and
 * line when the template is saved or previewed. Each rendition carries its metrics
 * (characters, and for channels with a text policy, e.g. SMS encoding and parts or radio
 * read time).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Rendering")
package vn.loa.rendering;
