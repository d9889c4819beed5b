package vn.loa.channels.wordpress;

import java.time.Instant;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/wordpress/posts?contentId=…}: the posts the channel made for an item
 * on each site, and whether withdrawing it trashed them. Any logged-in officer may read
 * it.
 */
@RestController
class WordPressPostController {

	private final WordPressPosts posts;

	WordPressPostController(WordPressPosts posts) {
		this.posts = posts;
	}

	@GetMapping(path = "/api/v1/wordpress/posts", produces = "application/json")
	List<PostView> posts(@RequestParam long contentId) {
		return this.posts.ofContent(contentId)
			.stream()
			.map((p) -> new PostView(p.site(), p.postId(), p.link(), p.contentId(), p.contentVersion(),
					p.publicationId(), p.status(), p.scheduledAt(), p.createdAt(), p.updatedAt(), p.trashedAt(),
					p.trashError(), p.trashAttempts(), p.nextTrashAt(), p.trashGivenUpAt(), p.cancelledAt()))
			.toList();
	}

	/**
	 * @param link the post's link on the site; once in the trash, the {@code ?p=<id>}
	 * link WordPress gives it there
	 * @param publicationId the publication that last wrote the post (a newer publication
	 * of the item updates the item's post)
	 * @param status what the site last said: {@code publish}, {@code future} (it
	 * publishes the post at {@code scheduledAt} by itself) or {@code trash}
	 * @param cancelledAt when the publication of a scheduled post was cancelled
	 * @param trashedAt when the site confirmed the post is in its trash (or gone already)
	 * @param trashError WordPress's code and message when the site refused to trash it
	 * (the last refusal)
	 * @param trashAttempts how many times Loa asked the site to trash it
	 * @param nextTrashAt when the withdrawal sweep asks again
	 * @param trashGivenUpAt when Loa stopped asking, its attempts used up; the post is
	 * still on the site
	 */
	record PostView(String site, long postId, String link, long contentId, int contentVersion, long publicationId,
			String status, Instant scheduledAt, Instant createdAt, Instant updatedAt, Instant trashedAt,
			String trashError, int trashAttempts, Instant nextTrashAt, Instant trashGivenUpAt, Instant cancelledAt) {
	}

}
