package vn.loa.channels.facebook;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import vn.loa.channels.ChannelException;
import vn.loa.common.Problems;

/**
 * {@code /api/v1/facebook}: the registered Pages (never their tokens), registering one or
 * replacing its token (admins), each Page's posts with their withdrawal outcome, and
 * hiding a citizen's comment (editors and approvers, audited).
 */
@RestController
class FacebookPagesController {

	private final FacebookPageRegistry registry;

	private final FacebookPages pages;

	private final FacebookPosts posts;

	private final FacebookCommentModeration moderation;

	FacebookPagesController(FacebookPageRegistry registry, FacebookPages pages, FacebookPosts posts,
			FacebookCommentModeration moderation) {
		this.registry = registry;
		this.pages = pages;
		this.posts = posts;
		this.moderation = moderation;
	}

	@GetMapping("/api/v1/facebook/pages")
	@PreAuthorize("hasAnyRole('EDITOR','APPROVER','ADMIN')")
	List<FacebookPages.Page> list() {
		return this.pages.all();
	}

	/**
	 * @param token the page access token: stored encrypted, never shown again
	 */
	record PageRequest(String pageId, String name, String areaCode, String token) {
	}

	@PostMapping("/api/v1/facebook/pages")
	@PreAuthorize("hasRole('ADMIN')")
	@ResponseStatus(HttpStatus.CREATED)
	FacebookPages.Page register(@RequestBody PageRequest request, Authentication user) {
		return this.registry.register(request.pageId(), request.name(), request.areaCode(), request.token(),
				user.getName());
	}

	record TokenRequest(String token) {
	}

	@PutMapping("/api/v1/facebook/pages/{pageId}/token")
	@PreAuthorize("hasRole('ADMIN')")
	FacebookPages.Page replaceToken(@PathVariable String pageId, @RequestBody TokenRequest request,
			Authentication user) {
		FacebookPages.Page page = this.pages.find(pageId).orElseThrow(() -> Problems.notFound("Facebook Page", pageId));
		return this.registry.register(pageId, page.name(), page.areaCode(), request.token(), user.getName());
	}

	/**
	 * A post and what withdrawal did to it ({@code retractAction} delete, hide, gone).
	 */
	record PostView(long publicationId, long contentId, String pageId, String kind, String status, String postId,
			String permalink, java.time.Instant scheduledOnFacebookAt, String lastError, java.time.Instant retractedAt,
			String retractAction, String retractError, int retractAttempts, java.time.Instant retractGivenUpAt) {

		static PostView of(FacebookPosts.Post p) {
			return new PostView(p.publicationId(), p.contentId(), p.pageId(), p.kind(), p.status(), p.postId(),
					p.permalink(), p.scheduledOnFacebookAt(), p.lastError(), p.retractedAt(), p.retractAction(),
					p.retractError(), p.retractAttempts(), p.retractGivenUpAt());
		}

	}

	@GetMapping("/api/v1/facebook/posts")
	@PreAuthorize("hasAnyRole('EDITOR','APPROVER','ADMIN')")
	List<PostView> posts(@org.springframework.web.bind.annotation.RequestParam long contentId) {
		return this.posts.ofContent(contentId).stream().map(PostView::of).toList();
	}

	@PostMapping("/api/v1/facebook/comments/{commentId}/hide")
	@PreAuthorize("hasAnyRole('EDITOR','APPROVER')")
	void hide(@PathVariable String commentId, Authentication user) {
		try {
			this.moderation.hide(commentId, user.getName());
		}
		catch (ChannelException ex) {
			throw Problems.problem(HttpStatus.BAD_GATEWAY, "facebook-refused", "Facebook refused",
					ex.code() + ": " + ex.getMessage(), java.util.Map.of());
		}
	}

}
