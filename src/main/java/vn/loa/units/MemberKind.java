package vn.loa.units;

/**
 * The things that belong to a unit, each known by its own module's key: a user's name, a
 * station's code, a WordPress site's key, a Facebook Page's id, a publication's id.
 */
public enum MemberKind {

	USER, STATION, WORDPRESS_SITE, FACEBOOK_PAGE, PUBLICATION

}
