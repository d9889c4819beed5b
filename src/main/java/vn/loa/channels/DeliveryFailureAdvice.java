package vn.loa.channels;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.integration.handler.advice.AbstractRequestHandlerAdvice;
import org.springframework.messaging.Message;

import vn.loa.deliverylog.DeliveryOutcome;
import vn.loa.deliverylog.DeliveryStatus;

/**
 * The last advice on every channel endpoint: a failure becomes a recorded outcome with
 * the provider's code and message instead of disappearing into a log line. Retries, where
 * the provider documents them as safe, sit inside this advice.
 */
public class DeliveryFailureAdvice extends AbstractRequestHandlerAdvice {

	private static final Logger log = LoggerFactory.getLogger(DeliveryFailureAdvice.class);

	private final String provider;

	public DeliveryFailureAdvice(String provider) {
		this.provider = provider;
	}

	@Override
	protected Object doInvoke(ExecutionCallback callback, Object target, Message<?> message) {
		try {
			return callback.execute();
		}
		catch (RuntimeException ex) {
			Throwable cause = unwrap(ex);
			ChannelDispatch dispatch = (ChannelDispatch) message.getPayload();
			String template = (dispatch.rendition() != null) ? dispatch.rendition().templateVersion() : null;
			if (cause instanceof ChannelException refused) {
				log.warn("{} refused delivery to {}: {} {}", refused.provider(), dispatch.target(), refused.code(),
						refused.getMessage());
				return DeliveryOutcome.failed(dispatch.publicationId(), dispatch.channel(), dispatch.target(),
						refused.status(), refused.provider(), refused.code(), refused.getMessage(), template);
			}
			log.error("Delivery to {} {} failed", dispatch.channel(), dispatch.target(), cause);
			return DeliveryOutcome.failed(dispatch.publicationId(), dispatch.channel(), dispatch.target(),
					DeliveryStatus.TECHNICAL_FAILURE, this.provider, cause.getClass().getSimpleName(),
					String.valueOf(cause.getMessage()), template);
		}
	}

	private static Throwable unwrap(Throwable ex) {
		Throwable current = ex;
		while (current.getCause() != null && !(current instanceof ChannelException)) {
			current = current.getCause();
		}
		return (current instanceof ChannelException) ? current : ex.getCause() != null ? ex.getCause() : ex;
	}

}
