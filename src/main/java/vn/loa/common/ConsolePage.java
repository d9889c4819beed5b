package vn.loa.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller outside the web module whose views are officers' console pages (e.g.
 * the radio programs pages, which need the radio channel's internals). The console's
 * advice gives its views what every console page has, the logged-in officer ({@code me})
 * and the request path ({@code path}), and shows its errors as console pages rather than
 * JSON. API controllers must not carry it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ConsolePage {

}
