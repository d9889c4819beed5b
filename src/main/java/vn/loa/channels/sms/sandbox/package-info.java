/**
 * The SMS channel's sandbox: a Twilio-compatible Messages API the real SDK is pointed at
 * in sandbox mode, its injected faults, the signed status callbacks it posts to Loa's
 * webhook and the inbox of what each number received ({@code /sandbox/sms/{phone}}).
 */
@org.springframework.modulith.NamedInterface("sms-sandbox")
package vn.loa.channels.sms.sandbox;
