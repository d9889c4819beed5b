/**
 * Content: the items officers write once (Vietnamese title, summary, Markdown body,
 * topic, audiences, target areas, links, images), their immutable versions, the review
 * states DRAFT → IN_REVIEW → APPROVED → PUBLISHED / WITHDRAWN, and the audit trail of who
 * did what. An item is approved by someone other than its author; editing approved
 * content starts a new version that needs approval again.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Content")
package vn.loa.content;
