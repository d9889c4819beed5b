/**
 * Small shared kernel every module may use: problem-detail errors (RFC 9457) that name
 * the offending field, the clock and time zone Loa runs on, and the {@link ConsolePage}
 * marker for console controllers outside the web module. It depends on no other module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Common",
		type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package vn.loa.common;
