package vn.loa.publishing;

import java.util.List;

import org.springframework.integration.annotation.MessagingGateway;

import vn.loa.channels.ChannelDispatch;

/**
 * The entry of the dispatch flow: one publication's dispatches, split and routed per
 * channel.
 */
@MessagingGateway(name = "dispatchGateway", defaultRequestChannel = "dispatchFlow.input")
interface DispatchGateway {

	void dispatch(List<ChannelDispatch> dispatches);

}
