/**
 * Web: the officers' console (Thymeleaf views under {@code classpath:/views/}, form
 * login) and the embedded default's sample content. It uses the other modules through
 * their public API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web")
package vn.loa.web;
